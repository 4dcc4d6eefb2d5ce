// The machine's speed at the kind of work a page is, for reading PERF-8's figures across machines:
// React's server renderer drawing a fixed table of 50 rows × 12 cells (~1,000 elements, like the
// case list) to HTML, CPU ms per render once warm. Run with plain Node (not the react-server
// condition the bench runs under). Prints one number.
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";

const rows = Array.from({ length: 50 }, (_, i) => ({
  number: `CS${5_000_000 + i}`,
  text: `Email is slow for site ${i}`,
  state: ["New", "Open", "Awaiting Info", "Resolved"][i % 4],
  account: `Account ${String(i).padStart(5, "0")}`,
}));

function Table() {
  return h(
    "table",
    { className: "cf-table" },
    h(
      "tbody",
      null,
      rows.map((r) =>
        h(
          "tr",
          { key: r.number },
          h("td", null, h("input", { type: "checkbox", "aria-label": `Select ${r.number}`, readOnly: true })),
          h(
            "td",
            { className: "cf-nowrap" },
            h("a", { href: `/cases/${r.number}`, className: "cf-link" }, r.number),
          ),
          h("td", { className: "cf-clip" }, r.text),
          h("td", null, h("span", { className: "cf-badge blue" }, r.state)),
          h("td", null, h("span", { className: "cf-badge gray" }, "4 - Low")),
          h("td", null, r.account),
          h("td", null, "—"),
          h("td", null, "—"),
          h("td", null, "Bench Agent"),
          h("td", null, "—"),
          h("td", null, h("time", { dateTime: "2026-11-25T14:49:40.070Z" }, "25 Nov 2026, 14:49")),
        ),
      ),
    ),
  );
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let i = 0; i < 500; i++) renderToString(h(Table));
const n = 1000;
const start = cpu();
for (let i = 0; i < n; i++) renderToString(h(Table));
console.log(((cpu() - start) / n).toFixed(3));
