import { describe, expect, it } from 'vitest';
import { markdownToHtml, textContent } from './text-content.ts';

describe('textContent', () => {
  it('reads options.mode and options.content', () => {
    expect(textContent({ options: { mode: 'html', content: '<b>x</b>' } })).toEqual({
      mode: 'html',
      content: '<b>x</b>',
    });
  });

  it('reads the old top-level mode and content', () => {
    expect(textContent({ mode: 'markdown', content: '# Old', options: {} })).toEqual({
      mode: 'markdown',
      content: '# Old',
    });
  });

  it('options win over the old fields', () => {
    expect(textContent({ mode: 'html', content: 'old', options: { content: 'new' } })).toEqual({
      mode: 'html',
      content: 'new',
    });
  });

  it('defaults to markdown; Grafana 6 "text" reads as markdown; missing content is empty', () => {
    expect(textContent({})).toEqual({ mode: 'markdown', content: '' });
    expect(textContent({ mode: 'text', content: 'plain' }).mode).toBe('markdown');
  });

  it('code mode carries its language', () => {
    expect(
      textContent({ options: { mode: 'code', content: 'a: 1', code: { language: 'yaml' } } }),
    ).toEqual({ mode: 'code', content: 'a: 1', language: 'yaml' });
  });
});

describe('markdownToHtml', () => {
  it('renders headings, lists, links, emphasis and code', () => {
    const html = markdownToHtml(
      [
        '# Runbook',
        '',
        '- first',
        '- **second**',
        '',
        'See [docs](https://prometheus.io/docs/).',
        '',
        '```',
        'rate(x[5m])',
        '```',
      ].join('\n'),
    );
    expect(html).toContain('<h1>Runbook</h1>');
    expect(html).toContain('<ul>\n<li>first</li>\n<li><strong>second</strong></li>\n</ul>');
    expect(html).toContain('<a href="https://prometheus.io/docs/">docs</a>');
    expect(html).toContain('<pre><code>rate(x[5m])\n</code></pre>');
  });

  it('renders GFM tables', () => {
    const html = markdownToHtml('| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>1</td>');
  });

  it('passes raw HTML through untouched: the result must be sanitised before use', () => {
    const html = markdownToHtml('<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))');
    expect(html).toContain('onerror=alert(1)');
    expect(html).toContain('href="javascript:alert(1)"');
  });
});
