import { escapeHtml as e } from "./http";

/** Shared HTML shell for the sandbox's hosted pages (checkout, simulator, link, errors). */
export function page(title: string, body: string, script = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(title)}</title>
<style>
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f1f4f9;color:#1b2330}
main{max-width:480px;margin:0 auto;padding:16px}.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px #0002;padding:16px;margin-bottom:12px}
h1{font-size:1.25rem;margin:0 0 4px}h2{font-size:1rem;margin:0 0 8px}.muted{color:#5b6778;font-size:.9rem}.amount{font-size:1.5rem;font-weight:700}
label{display:block;font-weight:600;font-size:.9rem;margin:8px 0 4px}input,select{width:100%;padding:10px;border:1px solid #b8c2d0;border-radius:8px;font:inherit}
button{font:inherit;cursor:pointer}.primary{width:100%;margin-top:12px;padding:12px;border:0;border-radius:8px;background:#6933d3;color:#fff;font-weight:700}
.secondary{padding:6px 10px;border:1px solid #6933d3;border-radius:6px;background:#fff;color:#6933d3}
[role=tablist]{display:flex;gap:6px;flex-wrap:wrap;margin-bottom:10px}[role=tab]{padding:8px 12px;border:1px solid #b8c2d0;border-radius:20px;background:#fff}
[role=tab][aria-selected=true]{background:#6933d3;border-color:#6933d3;color:#fff}table{width:100%;border-collapse:collapse;font-size:.85rem}td{padding:4px 0}
.error{background:#fdecec;color:#8a1010;border-radius:8px;padding:8px 10px}.banner{background:#fff7d6;border-radius:8px;padding:6px 10px;font-size:.85rem}
:focus-visible{outline:3px solid #f59f00;outline-offset:2px}a{color:#4b1fa8}
</style></head><body><main>${body}</main>${script ? `<script>${script}</script>` : ""}</body></html>`;
}

export function errorPage(title: string, message: string, status = 400) {
  return { status, html: page(title, `<div class="card" role="alert"><h1>${e(title)}</h1><p>${e(message)}</p></div>`) };
}
