import { describe, expect, it } from 'vitest';
import { htmlToText, safeHref, sanitizeHtml } from './sanitize';

// Payloads after the OWASP XSS filter evasion cheat sheet and html5sec.org: whatever goes in, only the
// allowed tags come out, with no event handler, style, script, frame, svg or non-http(s)/mailto link.

/** Every tag name and attribute name in the output. */
function markup(html: string): { tags: string[]; attrs: string[] } {
  const tags = [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
  const attrs = [...html.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]);
  return { tags, attrs };
}
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h3', 'h4', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);
const ALLOWED_ATTRS = new Set(['href', 'rel', 'target', 'colspan', 'rowspan']);

function expectSafe(input: string): string {
  const out = sanitizeHtml(input);
  const { tags, attrs } = markup(out);
  for (const t of tags) expect(ALLOWED_TAGS, `${input} → ${out}`).toContain(t);
  for (const a of attrs) expect(ALLOWED_ATTRS, `${input} → ${out}`).toContain(a);
  expect(out).not.toMatch(/<(script|style|iframe|svg|img|object|embed|math|form|input|base|meta|link)\b/i);
  expect(out).not.toMatch(/\son[a-z]+\s*=/i);
  expect(out).not.toMatch(/href="(?!https?:\/\/|mailto:)/i);
  // Idempotent: cleaning clean output changes nothing.
  expect(sanitizeHtml(out)).toBe(out);
  return out;
}

describe('sanitizeHtml', () => {
  it('keeps the allowed subset as written', () => {
    const html =
      '<h3>绩效工资分配方案</h3><p>一、<strong>原则</strong>：<em>多劳多得</em><br>二、范围</p><ul><li>甲</li><li>乙</li></ul><ol><li>一</li></ol><h4>附表</h4>' +
      '<table><caption>分配表</caption><thead><tr><th colspan="2">岗位</th></tr></thead><tbody><tr><td rowspan="2">教师</td><td>1.2</td></tr></tbody></table>' +
      '<p><a href="https://www.moe.gov.cn/srcsite/A11/s7057/200203/t20020305_162016.html" rel="noopener noreferrer nofollow" target="_blank">教育部意见</a> <a href="mailto:union@school.cn" rel="noopener noreferrer nofollow" target="_blank">来信</a></p>';
    expect(expectSafe(html)).toBe(html);
  });

  it('maps what editors and Word paste produce onto the subset', () => {
    expect(sanitizeHtml('<div><b>粗</b> <i>斜</i></div><h1>大</h1><h6>小</h6>')).toBe('<p><strong>粗</strong> <em>斜</em></p><h3>大</h3><h4>小</h4>');
    expect(sanitizeHtml('<p class="MsoNormal" style="margin:0"><span lang="ZH-CN" style="font-family:宋体">正文</span><o:p></o:p></p>')).toBe('<p>正文</p>');
    expect(sanitizeHtml('<!--[if gte mso 9]><xml>x</xml><![endif]--><p>a</p>')).toBe('<p>a</p>');
  });

  it('drops script, style and frame elements with their content', () => {
    expect(expectSafe('<p>a</p><script>alert(1)</script><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(expectSafe('<SCRIPT SRC=//xss.example/xss.js></SCRIPT>ok')).toBe('ok');
    expect(expectSafe('<script>document.write("</scr"+"ipt>")</script>x')).not.toContain('document');
    expect(expectSafe('<style>body{background:url("javascript:alert(1)")}</style>t')).toBe('t');
    expect(expectSafe('<iframe src="javascript:alert(1)">inner</iframe>t')).toBe('t');
    expect(expectSafe('<svg onload=alert(1)><script>alert(2)</script></svg>t')).toBe('t');
    expect(expectSafe('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>')).not.toContain('img');
    expect(expectSafe('<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>t')).toBe('t');
    expect(expectSafe('<template><img src=x onerror=alert(1)></template>t')).toBe('t');
    expect(expectSafe('<noscript><p title="</noscript><img src=x onerror=alert(1)>">')).not.toContain('onerror');
    expect(expectSafe('<script>never closed <p>text')).toBe('');
  });

  it('removes on* handlers, style and every attribute not on the list', () => {
    expect(expectSafe('<p onclick="alert(1)" style="color:red" class="x" id="y">t</p>')).toBe('<p>t</p>');
    expect(expectSafe('<strong ONMOUSEOVER=alert(1)>t</strong>')).toBe('<strong>t</strong>');
    expect(expectSafe('<p/onclick=alert(1)>t</p>')).toBe('<p>t</p>');
    expect(expectSafe('<p\nonclick\n=\n"alert(1)">t</p>')).toBe('<p>t</p>');
    expect(expectSafe('<td colspan="2" rowspan="x" width="100">t</td>')).toBe('<td colspan="2">t</td>');
    expect(expectSafe('<a href="https://a.cn" onclick="x" href="javascript:alert(1)">t</a>')).toContain('href="https://a.cn/"');
  });

  it('drops elements that are not allowed but keeps their text', () => {
    expect(expectSafe('<img src=x onerror=alert(1)>图')).toBe('图');
    expect(expectSafe('<form action="https://evil"><input name=a value=b><button>按钮</button></form>')).toBe('按钮');
    expect(expectSafe('<base href="https://evil/"><meta http-equiv=refresh content="0;url=javascript:alert(1)"><link rel=stylesheet href=x>t')).toBe('t');
    expect(expectSafe('<marquee>滚动</marquee><blink>闪</blink><font color=red>字</font>')).toBe('滚动闪字');
    expect(expectSafe('<video><source onerror="alert(1)"></video>t')).toBe('t');
  });

  it('only keeps links to http, https and mailto, however they are disguised', () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java&#x09;script:alert(1)',
      '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
      '&#x6A;avascript:alert(1)',
      'javascript&colon;alert(1)',
      '&#0000106avascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative/path',
      'x',
      '',
    ];
    for (const href of bad) {
      expect(safeHref(href), href).toBeNull();
      expect(expectSafe(`<a href="${href}">t</a>`), href).toBe('t');
    }
    expect(expectSafe('<a href=javascript:alert(1)>t</a>')).toBe('t');
    expect(expectSafe("<a href='jav&#x0A;ascript:alert(1)'>t</a>")).toBe('t');
    expect(safeHref('https://www.moe.gov.cn/a b?x=1&amp;y=2')).toBe('https://www.moe.gov.cn/a%20b?x=1&y=2');
    expect(expectSafe('<a href="https://x.cn/?a=1&amp;b=&quot;2&quot;">t</a>')).toBe('<a href="https://x.cn/?a=1&amp;b=%222%22" rel="noopener noreferrer nofollow" target="_blank">t</a>');
  });

  it('escapes text, so nothing typed becomes markup', () => {
    expect(expectSafe('1 < 2 && 3 > 2')).toBe('1 &lt; 2 &amp;&amp; 3 &gt; 2');
    expect(expectSafe('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(expectSafe('<<script>script>alert(1)<</script>/script>')).not.toMatch(/<script/i);
    expect(expectSafe('<scr<script>ipt>alert(1)</script>')).not.toMatch(/<script/i);
    expect(expectSafe('"><img src=x onerror=alert(1)>')).toBe('"&gt;');
    expect(expectSafe('<p title="a>b">t</p>')).toBe('<p>t</p>');
    expect(expectSafe('<p>unfinished <strong onclick="x')).toBe('<p>unfinished </p>');
    expect(expectSafe('<![CDATA[<script>alert(1)</script>]]>')).not.toMatch(/<script/i);
    expect(expectSafe('<?xml version="1.0"?><p>t</p>')).toBe('<p>t</p>');
    expect(expectSafe('a\u0000b')).toBe('ab');
  });

  it('always answers well-nested markup', () => {
    expect(sanitizeHtml('<p><strong>a</p>b</strong>')).toBe('<p><strong>a</strong></p>b');
    expect(sanitizeHtml('<ul><li>a<li>b</ul>')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(sanitizeHtml('<table><tr><td>a<td>b<tr><td>c</table>')).toBe('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>');
    expect(sanitizeHtml('<em>open')).toBe('<em>open</em>');
    expect(sanitizeHtml('</p></li>x')).toBe('x');
  });

  // Speed is for bench/, not for assertions here; this checks that large hostile input stays safe.
  it('copes with large and hostile input', () => {
    const big = '<p onclick=x>段落<script>x</script></p>'.repeat(5000) + '<'.repeat(10000) + '<a '.repeat(5000);
    expectSafe(big);
  });
});

describe('htmlToText', () => {
  it('gives the readable text, one line per block', () => {
    expect(htmlToText('<h3>标题</h3><p>一&amp;二&nbsp;三</p><ul><li>甲</li><li>乙</li></ul><table><tr><td>a</td><td>b</td></tr></table>')).toBe('标题\n一&二 三\n甲\n乙\na b');
    expect(htmlToText('<p> </p><p><br></p>')).toBe('');
  });
});
