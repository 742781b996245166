import ArgumentParser

/// `forum check`: placeholder until the checker lands.
struct Check: ParsableCommand {}
