/// The report's style sheet: plain, high-contrast, and an A4 print layout in which no chart,
/// table or vote is cut across pages.
enum ReportStyle {
    static let css = """
        body{font:17px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:46rem;margin:0 auto;padding:1rem}
        h1{font-size:1.8rem}h2{font-size:1.4rem;border-top:2px solid #1a1a1a;padding-top:.5rem}
        h3{font-size:1.15rem}h4{font-size:1rem}
        table.page,table.page>*>tr>td{border:0;padding:0;margin:0;width:100%}
        .edition{margin:0;padding:.5rem 1rem;background:#e8f0fa;border-bottom:1px solid #1f5fa8}
        .edition.organisers{background:#fdecea;border-bottom:2px solid #a4161a}
        .meta{color:#444}.summary{font-weight:600}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
        table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#f0f0f0}
        .chart{max-width:100%;height:auto}.chart .label,.chart .value{font-size:15px;fill:#1a1a1a}
        .chart .track{fill:#ececec}.chart .bar{fill:#1f5fa8}.chart .ci{stroke:#000;stroke-width:2}
        .map{max-width:100%;height:auto}.map .edge{fill:none;stroke:#b0b0b0;stroke-width:1.5}
        .map .edge.taken{fill:none;stroke:#1a1a1a;stroke-width:4}
        .map .node{fill:#fff;stroke:#8a8a8a}.map .node.taken{fill:#1f5fa8;stroke:#1f5fa8}
        .map .nodetext{font-size:12px;fill:#333}.map .nodetext.taken{fill:#fff;font-weight:600}
        figcaption{color:#444;font-size:.9rem}
        .mark{display:inline-block;padding:0 .4rem;border:1px solid #1a1a1a;border-radius:.3rem;font-size:.9rem}
        .mark.chose{background:#fff3cd}.mark.followed{background:#e3f4e1}
        .replay{border-left:4px solid #1f5fa8;padding-left:.75rem}
        @page{size:A4;margin:16mm 14mm}
        @media print{
        body{font-size:11pt}main{max-width:none;padding:0}
        .edition{margin-bottom:4mm}
        section.round,figure,table,.replay,dl,ol.route{break-inside:avoid}
        h2,h3,h4{break-after:avoid}
        section.run{break-before:page}
        }
        """
}
