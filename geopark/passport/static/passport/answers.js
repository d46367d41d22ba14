/* The geo-passport's answer check, the same as geopark/passport/answers.py (a test runs both on the
   same inputs): fold the answer as search does (core/text.py: đ → d, strip the accents, lower-case,
   punctuation to spaces, squeeze spaces), then PBKDF2-HMAC-SHA256 with the question's salt. */
(function (root) {
  "use strict";
  var SPECIAL = { "đ": "d", "Đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss" };
  var SPECIAL_RE = /[đĐðłøæß]/g;
  var ITERATIONS = 20000;

  function special(text) {
    return text.replace(SPECIAL_RE, function (c) { return SPECIAL[c]; });
  }

  function fold(text) {
    if (!text) return "";
    var t = special(String(text)).normalize("NFKD");
    // Python drops the characters with a combining class; the non-spacing marks are those here.
    t = t.replace(/\p{Mn}/gu, "");
    t = special(t.toLowerCase());
    // Python's \w with Unicode: letters, digits and numbers of any script, and "_".
    t = t.replace(/[^\p{L}\p{N}_\s]/gu, " ");
    return t.replace(/\s+/gu, " ").trim();
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function answerHash(salt, answer) {
    var subtle = root.crypto && root.crypto.subtle;
    if (!subtle) return Promise.reject(new Error("no-crypto"));
    var enc = new TextEncoder();
    return subtle.importKey("raw", enc.encode(fold(answer)), "PBKDF2", false, ["deriveBits"]).then(function (key) {
      return subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: enc.encode(salt), iterations: ITERATIONS }, key, 256);
    }).then(hex);
  }

  var api = { fold: fold, answerHash: answerHash, ITERATIONS: ITERATIONS };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.GeoparkPassportAnswers = api;
})(typeof window !== "undefined" ? window : globalThis);
