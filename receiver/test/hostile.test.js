'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, post, postMultipart, API_KEY } = require('./helpers');

// Stored and returned exactly as sent: rendering them safely is the client's job.
const HOSTILE = {
  script: '<script>alert("xss")</script>',
  img: '<img src=x onerror="alert(document.cookie)">',
  rtl: '\u202Egnp.exe\u202C 地址 \u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627',
  emoji: '💩🏭🌫️👨‍👩‍👧 黑烟🔥',
  entities: '&lt;b&gt; &amp;amp; "quotes" \'single\' \\back\\slash',
  whitespace: '  leading\r\n\tmiddle\n\ntrailing  ',
  sep: 'line\u2028sep\u2029para\u0000nul\u0007bell',
  long: `${'长'.repeat(3990)}<b>end</b>`,
  maxAscii: 'x'.repeat(4000),
  maxEmoji: '🏭'.repeat(4000),
};

function fieldsFor(text) {
  return {
    api_key: API_KEY, service_code: 'other', address_string: text.slice(0, 300), description: text,
    'attribute[reported_party]': [...text].slice(0, 100).join(''), 'attribute[subtype]': [...text].slice(0, 50).join(''),
    'attribute[x_note]': text,
  };
}

describe('hostile text is stored and returned unchanged', () => {
  let srv;
  before(async () => { srv = await startServer(); });
  after(() => srv.stop());

  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`urlencoded: ${name}`, async () => {
      const f = fieldsFor(text);
      const res = await post(srv, f);
      assert.equal(res.status, 201, await res.clone().text());
      const [{ service_request_id: id }] = await res.json();
      const get = await fetch(srv.url(`requests/${id}.json`));
      const raw = await get.text();
      assert.ok(!/<script|<img/i.test(raw), 'angle brackets are \\u-escaped in the JSON bytes');
      const [rec] = JSON.parse(raw);
      assert.equal(rec.description, f.description);
      assert.equal(rec.address, f.address_string);
      assert.equal(rec.attributes.reported_party, f['attribute[reported_party]']);
      assert.equal(rec.attributes.subtype, f['attribute[subtype]']);
      assert.equal(rec.attributes.x_note, text);
      assert.ok(Buffer.from(rec.description, 'utf8').equals(Buffer.from(text, 'utf8')));
      const row = (await srv.rows()).find((r) => r.service_request_id === id);
      assert.equal(row.description, text);
    });
  }

  it('multipart: the same strings survive byte for byte', async () => {
    for (const text of Object.values(HOSTILE)) {
      const res = await postMultipart(srv, Object.entries(fieldsFor(text)), []);
      assert.equal(res.status, 201);
      const [{ service_request_id: id }] = await res.json();
      const [rec] = await (await fetch(srv.url(`requests/${id}.json`))).json();
      assert.equal(rec.description, text);
      assert.equal(rec.attributes.x_note, text);
    }
  });

  it('more than 4000 characters is refused, not cut', async () => {
    const res = await post(srv, fieldsFor(`${'x'.repeat(4000)}!`));
    assert.equal(res.status, 400);
  });
});
