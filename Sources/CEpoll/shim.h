// epoll for forum-bench's multi-connection client: Swift's Glibc module leaves it out.
#include <sys/epoll.h>
