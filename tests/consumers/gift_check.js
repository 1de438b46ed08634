// Reads a GIFT file with the npm package gift-pegjs (an independent GIFT
// parser, Moodle's format) and checks it against an nn-tutor key:
//   node tests/consumers/gift_check.js FILE.gift KEY.json
// KEY.json: {"questions": [{"title": "...", "value": number}], "tolerance": t}
// Every question must parse as Numerical, with a range answer whose number
// equals the key's value within the tolerance and whose range is the
// tolerance. Prints PASS/FAIL lines; exits 1 on any FAIL, 2 when gift-pegjs
// cannot be loaded (NODE_PATH or target/js/node_modules).
"use strict";
const fs = require("fs");
const path = require("path");

let parser;
for (const p of [
  "gift-pegjs",
  path.join(__dirname, "..", "..", "target", "js", "node_modules", "gift-pegjs"),
]) {
  try {
    parser = require(p);
    break;
  } catch (e) {}
}
if (!parser) {
  console.log("FAIL gift-pegjs is not installed (npm install --prefix target/js gift-pegjs)");
  process.exit(2);
}

const [file, keyFile] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const key = JSON.parse(fs.readFileSync(keyFile, "utf8"));
let fails = 0;
function verdict(ok, ...words) {
  console.log(ok ? "PASS" : "FAIL", ...words);
  if (!ok) fails += 1;
}

let parsed;
try {
  parsed = parser.parse(text);
} catch (e) {
  verdict(false, `gift-pegjs cannot parse ${file}: ${e.message}`);
  process.exit(1);
}
const questions = parsed.filter((q) => q.type !== "Category" && q.type !== "Description");
verdict(
  questions.length === key.questions.length,
  `${questions.length} questions parsed, ${key.questions.length} in the key`
);
questions.forEach((q, i) => {
  const want = key.questions[i];
  if (!want) return;
  verdict(q.type === "Numerical", `${want.title}: type ${q.type}`);
  verdict(q.title === want.title, `title ${JSON.stringify(q.title)}`);
  const c = q.choices;
  const ok =
    c &&
    c.type === "range" &&
    Math.abs(c.number - want.value) <= key.tolerance &&
    Math.abs(c.range - key.tolerance) < 1e-15;
  verdict(ok, `${want.title}: {#${c && c.number}:${c && c.range}} against ${want.value} ± ${key.tolerance}`);
});
console.log(fails === 0 ? "gift: ALL PASS" : `gift: ${fails} FAIL`);
process.exit(fails === 0 ? 0 : 1);
