/// The one stylesheet of ClaimKit's HTML pages, inlined into each page: no external
/// assets or fonts, light and dark colour schemes, and a print layout.
enum Stylesheet {
    /// Hues of the source colours, in the order sources appear. A source past the last
    /// hue reuses one with a dashed outline; its text label tells it apart in any case.
    static let hues = [212, 30, 140, 280, 0, 185, 55, 310, 240, 95, 335, 20]

    static let css: String = {
        var css = base
        for (i, h) in hues.enumerated() { css += ".s\(i){--h:\(h)}\n" }
        return css
    }()

    private static let base = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1d1f22;--muted:#5b6169;--panel:#f4f5f7;--line:#d3d7dd;
        --pass:#1b6e35;--fail:#b3261e;--link:#1a56b8;--tint-l:91%;--tint-s:85%;--ink-l:30%;--ink-fg:#fff}
        @media (prefers-color-scheme:dark){:root{--bg:#16181b;--fg:#e6e7e9;--muted:#a3a9b1;--panel:#1f2226;
        --line:#3b4047;--pass:#6fd08c;--fail:#ff8a80;--link:#8ab4f8;--tint-l:25%;--tint-s:45%;--ink-l:74%;--ink-fg:#111}}
        *{box-sizing:border-box}
        html{background:var(--bg);color:var(--fg)}
        body{margin:0;font:17px/1.65 Georgia,"DejaVu Serif","Liberation Serif",serif}
        a{color:var(--link)}
        .ui,.panel,.card,.who,.via,header.page,table,.summary,.status,.scores,nav{font-family:system-ui,-apple-system,
        "Segoe UI","DejaVu Sans","Liberation Sans",sans-serif}
        header.page{padding:1rem 1.5rem;border-bottom:1px solid var(--line);font-size:.95rem}
        header.page h1{font-size:1.25rem;margin:0 0 .2rem}
        header.page p{margin:0;color:var(--muted)}
        .view{display:grid;grid-template-columns:minmax(0,44rem) minmax(16rem,24rem);gap:2rem;padding:1.5rem;
        align-items:start}
        .article{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
        .claim{color:inherit;background:hsl(var(--h) var(--tint-s) var(--tint-l));border-bottom:2px solid
        hsl(var(--h) 60% 42%);border-radius:3px;padding:.05em .1em;-webkit-box-decoration-break:clone;
        box-decoration-break:clone;cursor:pointer;scroll-margin-top:5rem}
        .claim.alt{border-bottom-style:dashed}
        .claim.quiet{background:none;border-bottom:1px dotted var(--muted)}
        .claim:focus{outline:3px solid hsl(var(--h,215) 70% 48%);outline-offset:2px}
        .claim.quiet:focus{outline-color:var(--muted)}
        .claim:target{outline:3px solid var(--link);outline-offset:2px}
        .who{display:inline-block;max-width:28em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;
        vertical-align:-.2em;font-size:.68rem;font-weight:600;line-height:1.35;letter-spacing:.01em;
        color:var(--ink-fg);background:hsl(var(--h) 55% var(--ink-l));border-radius:3px;padding:.05em .4em;
        margin-right:.3em;user-select:none;-webkit-user-select:none}
        .via{display:inline-block;vertical-align:-.2em;font-size:.68rem;line-height:1.35;color:var(--fg);
        border:1px solid var(--muted);border-radius:3px;padding:0 .35em;margin-right:.3em;white-space:nowrap;
        user-select:none;-webkit-user-select:none}
        .source-mention{text-decoration:underline 2px hsl(var(--h) 60% 42%);text-underline-offset:3px;
        font-weight:600}
        .cue{font-style:italic;text-decoration:underline dotted;text-underline-offset:3px}
        .card{display:none;white-space:normal;font-size:.85rem;line-height:1.45;background:var(--panel);
        color:var(--fg);border:1px solid var(--line);border-left:5px solid hsl(var(--h,215) 55% 45%);
        border-radius:4px;padding:.5rem .75rem;margin:.35rem 0 .5rem;cursor:auto}
        .claim:focus+.card,.claim:target+.card{display:block}
        .card .dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem}
        .card .dt{color:var(--muted)}
        .panel{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto;font-size:.9rem;
        line-height:1.45;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:1rem}
        @media (max-width:60rem){.view{grid-template-columns:minmax(0,1fr)}
        .panel{position:static;max-height:none;overflow:visible}}
        .panel h2{font-size:1rem;margin:0 0 .5rem}
        .panel .hint{color:var(--muted);margin:0 0 .75rem;font-size:.82rem}
        .panel section{border-top:1px solid var(--line);padding:.6rem 0}
        .panel h3{font-size:.95rem;margin:0 0 .2rem;display:flex;gap:.5rem;align-items:baseline}
        .swatch{flex:none;display:inline-block;width:.9em;height:.9em;border-radius:2px;
        background:hsl(var(--h) 55% var(--ink-l));border:1px solid var(--line)}
        .meta{color:var(--muted);margin:0 0 .3rem}
        .panel ol{margin:.2rem 0 0;padding-left:1.2rem}
        .panel li{margin:.15rem 0}
        .panel .kind{color:var(--muted);font-size:.8em}
        .chain{display:block;color:var(--muted);font-size:.85em}
        .panel .quiet a{color:var(--muted)}
        .diff-flag{font:600 .68rem/1.35 system-ui,sans-serif;color:var(--fail);border:1px solid var(--fail);
        border-radius:3px;padding:0 .3em;margin-left:.25em;vertical-align:.1em;user-select:none}
        table{border-collapse:collapse;width:100%;font-size:.85rem;line-height:1.4}
        th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:var(--panel)}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        .summary-table{max-width:64rem}
        .summary h2{font-size:1.1rem}
        code.field{white-space:nowrap}
        td code,td pre{font:.8rem/1.4 ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;
        white-space:pre-wrap;overflow-wrap:anywhere}
        .summary,.report-article>header,.differences{padding:0 1.5rem;overflow-x:auto}
        .status{font-weight:700;letter-spacing:.03em}
        .status.pass{color:var(--pass)}
        .status.fail{color:var(--fail)}
        .report-article{border-top:3px solid var(--line);margin-top:2rem;padding-top:.5rem}
        .report-article>header h2{font-size:1.2rem;margin:.5rem 0 .2rem}
        .report-article>header p{margin:.1rem 0;color:var(--muted);font-size:.9rem}
        .scores{color:var(--muted);font-size:.9rem}
        nav.back{font-size:.85rem}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        @media print{:root{color-scheme:light;--bg:#fff;--fg:#000;--muted:#444;--panel:#fff;--line:#999;
        --tint-l:91%;--tint-s:85%;--ink-l:30%;--ink-fg:#fff}
        body{font-size:11pt}
        .view{display:block;padding:0}
        .panel{position:static;max-height:none;overflow:visible;border:none;padding:0;margin-top:1.5rem;
        break-before:auto}
        .panel section{break-inside:avoid}
        .card,.claim:focus+.card,.claim:target+.card{display:none}
        .claim,.who,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .claim:focus,.claim:target{outline:none}
        a{color:inherit;text-decoration:none}
        nav.back,.screen-only{display:none}
        .report-article{break-before:page}}

        """
}
