// Search that finds Chinese. mdBook's search splits a query at spaces,
// which Chinese does not have, and its trimmer strips every character that
// is not an ASCII letter or digit. The book's index (rebuilt by
// src/book/search.rs) cuts a run of Chinese into overlapping character
// pairs (反向传播 → 反向 向传 传播); this script cuts the reader's query the
// same way and lets Chinese tokens through the trimmer. English words are
// searched exactly as before. It runs at the top of searchindex.js: after
// elasticlunr, and before the index is loaded and the first search runs
// (a separate script could run too late: the index loads asynchronously).
(function () {
    'use strict';
    const lunr = window.elasticlunr;
    if (!lunr) {
        return;
    }
    const HAN = /[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{2FA1F}]/u;
    const isHan = c => HAN.test(c);

    // As `tokenize` in src/book/search.rs.
    function segment(word) {
        const out = [];
        const chars = Array.from(word);
        let i = 0;
        while (i < chars.length) {
            let j = i + 1;
            while (j < chars.length && isHan(chars[j]) === isHan(chars[i])) {
                j++;
            }
            const run = chars.slice(i, j);
            if (!isHan(run[0])) {
                out.push(run.join(''));
            } else if (run.length === 1) {
                out.push(run[0]);
            } else {
                for (let k = 0; k + 1 < run.length; k++) {
                    out.push(run[k] + run[k + 1]);
                }
            }
            i = j;
        }
        return out;
    }

    const words = lunr.tokenizer;
    const tokenizer = function () {
        const out = [];
        for (const w of words.apply(this, arguments)) {
            if (HAN.test(w)) {
                out.push(...segment(w));
            } else {
                out.push(w);
            }
        }
        return out;
    };
    tokenizer.seperator = words.seperator;
    lunr.tokenizer = tokenizer;

    const trim = lunr.trimmer;
    const trimmer = token => (HAN.test(token) ? token : trim(token));
    trimmer.label = 'trimmer';
    lunr.trimmer = trimmer;
    lunr.Pipeline.registeredFunctions.trimmer = trimmer;
})();
