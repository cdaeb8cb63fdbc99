/**
 * The transcript's only stylesheet, inlined into every document: Discord's dark look, a light one when the
 * reader prefers it, a narrow layout for phones, and a print layout that reveals spoilers. System fonts only.
 */
export const TRANSCRIPT_CSS = `
:root{color-scheme:dark light;--bg:#313338;--bg2:#2b2d31;--bg3:#1e1f22;--tx:#dbdee1;--hd:#f2f3f5;--mu:#949ba4;--ln:#00a8fc;--mn:#c9cdfb;--mnb:rgba(88,101,242,.3);--bd:#3f4147}
@media (prefers-color-scheme:light){:root{--bg:#fff;--bg2:#f2f3f5;--bg3:#e3e5e8;--tx:#313338;--hd:#060607;--mu:#5c5e66;--ln:#006ce7;--mn:#505cdc;--mnb:rgba(88,101,242,.15);--bd:#d4d7dc}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--tx);font:16px/1.375 "gg sans","Noto Sans","Segoe UI","Helvetica Neue",Helvetica,Arial,sans-serif;overflow-wrap:anywhere}
a{color:var(--ln);text-decoration:none}a:hover{text-decoration:underline}
.tk{padding:20px 16px 16px;border-bottom:1px solid var(--bd);background:var(--bg2)}
.tk .gn{color:var(--mu);font-size:14px;font-weight:600;text-transform:uppercase;letter-spacing:.02em}
.tk h1{margin:4px 0 12px;color:var(--hd);font-size:24px}.tk h1 span{color:var(--mu);font-weight:500}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px 16px;margin:0}
.facts div{min-width:0}.facts dt{color:var(--mu);font-size:12px;font-weight:700;text-transform:uppercase}.facts dd{margin:0;white-space:pre-wrap}
.facts .wide{grid-column:1/-1}
.qa{margin-top:16px}.qa h2{margin:0 0 8px;color:var(--hd);font-size:16px}.qa dl{margin:0}.qa dt{color:var(--mu);font-size:14px;font-weight:600}.qa dd{margin:0 0 8px;white-space:pre-wrap}
.log{padding:8px 0 24px}
.g{display:flow-root;margin-top:16px;padding:2px 16px 2px 72px}
.av{float:left;margin-left:-56px;display:flex;align-items:center;justify-content:center;width:40px;height:40px;margin-top:2px;border-radius:50%;background:#5865f2 center/cover no-repeat;color:#fff;font-style:normal;font-weight:600;user-select:none;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.ux{--uc:var(--hd)}.ux .av::before{content:"?"}
.g>h3{margin:0;font-size:16px;font-weight:500;line-height:1.375}
.au{color:var(--uc,var(--hd));font-weight:500}
.bt{margin-left:4px;padding:0 4px;border-radius:3px;background:#5865f2;color:#fff;font-size:10px;font-weight:600;vertical-align:2px}
.g>h3 time{margin-left:8px;color:var(--mu);font-size:12px;font-weight:400}
.m{position:relative;padding:1px 0}
.m:hover{background:rgba(128,128,128,.06)}
.st{position:absolute;left:-52px;width:44px;text-align:right;color:var(--mu);font-size:10px;line-height:22px;visibility:hidden}
.m:hover .st{visibility:visible}
.m{white-space:pre-wrap}
.m h1,.m h2,.m h3,.ed h1,.ed h2,.ed h3{margin:8px 0 4px;color:var(--hd);line-height:1.25}
.m h1{font-size:24px}.m h2{font-size:20px}.m h3{font-size:16px}
.sub{color:var(--mu);font-size:13px}
.m ul,.m ol,.ed ul,.ed ol,.fv ul,.fv ol,.qa ul,.qa ol{margin:4px 0;padding-left:24px}
blockquote{margin:0;padding:0 8px 0 12px;border-left:4px solid var(--bd);white-space:pre-wrap}
code{padding:0 .2em;border-radius:3px;background:var(--bg3);font:85% Consolas,"Andale Mono WT","Liberation Mono",Menlo,monospace;white-space:pre-wrap}
.cb{position:relative;margin:6px 0;padding:8px;border:1px solid var(--bd);border-radius:4px;background:var(--bg2);white-space:pre-wrap;max-width:90ch}
.cb code{padding:0;background:none;font-size:14px;line-height:1.125rem}
.cb .lang{display:block;margin-bottom:4px;color:var(--mu);font:700 11px/1 sans-serif;text-transform:uppercase}
.mn{padding:0 2px;border-radius:3px;background:var(--mnb);color:var(--mn);font-weight:500}
.sp{border-radius:3px;background:var(--bg3);color:transparent;cursor:pointer}
.sp>*{opacity:0}
.sp:hover,.sp:focus{background:rgba(128,128,128,.2);color:inherit;outline:none}
.sp:hover>*,.sp:focus>*{opacity:1}
.ts{padding:0 2px;border-radius:3px;background:rgba(128,128,128,.15)}
.emj{width:1.375em;height:1.375em;vertical-align:bottom;object-fit:contain}
.edt{color:var(--mu);font-size:10px}
.rp{display:block;overflow:hidden;margin:4px 0 2px;color:var(--mu);font-size:14px;white-space:nowrap;text-overflow:ellipsis}
.rp::before{content:"\\21B1  "}
.rpa{color:var(--uc,var(--hd));font-weight:500}
.rp.gone{font-style:italic}
.at{display:flex;gap:8px;align-items:center;width:fit-content;max-width:min(432px,100%);margin:4px 0;padding:10px;border:1px solid var(--bd);border-radius:8px;background:var(--bg2)}
.at.im{display:block;padding:0;border:0;background:none}
.at.im img{display:block;max-width:100%;max-height:350px;border-radius:8px}
.at figcaption,.as{color:var(--mu);font-size:12px}
.ai{flex:none;width:22px;height:28px;border:2px solid var(--mu);border-radius:3px 9px 3px 3px}
.at.miss .ai{border-style:dashed}
.at.miss{border-style:dashed}.at.miss .an{color:var(--tx)}
.em{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:16px;max-width:520px;margin:4px 0;padding:8px 16px 12px 12px;border-left:4px solid var(--ec,var(--bg3));border-radius:4px;background:var(--bg2)}
.eb{min-width:0}
.ea{display:flex;gap:8px;align-items:center;margin-top:4px;color:var(--hd);font-size:14px;font-weight:600}
.ea a{color:var(--hd)}
.eic{width:24px;height:24px;border-radius:50%}
.et{margin-top:4px;color:var(--hd);font-weight:600}
.ed{margin-top:4px;font-size:14px;white-space:pre-wrap}
.ef{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:8px;margin-top:8px}
.fl{grid-column:1/-1}
.fn{font-size:14px;font-weight:600;color:var(--hd)}.fv{font-size:14px;white-space:pre-wrap}
.eim{display:block;max-width:100%;margin-top:16px;border-radius:4px}
.eth{max-width:80px;max-height:80px;margin-top:8px;border-radius:4px}
.eim.miss,.eth.miss{padding:8px;border:1px dashed var(--bd);color:var(--mu);font-size:12px}
.eft{display:flex;gap:8px;align-items:center;margin-top:8px;color:var(--mu);font-size:12px}
.eft .eic{width:20px;height:20px}
.stk{display:block;width:160px;height:160px;margin:4px 0;object-fit:contain}
.stk.miss{width:auto;height:auto;padding:8px;border:1px dashed var(--bd);color:var(--mu);font-size:14px}
.rx{display:flex;flex-wrap:wrap;gap:4px;margin:4px 0}
.r{display:inline-flex;gap:4px;align-items:center;padding:2px 6px;border:1px solid var(--bd);border-radius:8px;background:var(--bg2);font-size:14px}
.r .emj{width:16px;height:16px}
.sys{margin:12px 16px 0 72px;color:var(--mu);font-size:14px}.sys strong{color:var(--hd);font-weight:500}
.sys time{margin-left:4px;font-size:12px}
.sys::before{content:"\\2192";margin-right:8px;color:#23a55a}
.ft{padding:16px;border-top:1px solid var(--bd);color:var(--mu);font-size:12px}
@media (max-width:600px){
.tk h1{font-size:20px}
.g{padding:2px 8px 2px 52px}
.av{width:32px;height:32px;margin-left:-44px}
.sys{margin-left:16px}
.st{display:none}
.ef{grid-template-columns:minmax(0,1fr)}
.em{grid-template-columns:minmax(0,1fr)}
}
@media print{
:root{--bg:#fff;--bg2:#f6f6f7;--bg3:#ebedef;--tx:#000;--hd:#000;--mu:#4e5058;--ln:#000;--mn:#000;--mnb:#ebedef;--bd:#c4c9ce}
body{font-size:12px}
.g,.sys,.em,.cb,.at{break-inside:avoid}
.m:hover{background:none}.st{display:none}
.sp{color:inherit;background:none;border-bottom:1px dotted}.sp>*{opacity:1}
a{text-decoration:underline}
}
`
  .trim()
  .replace(/\n/g, '');
