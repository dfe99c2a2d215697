// Grafana's text panel: markdown or HTML, always through the one sanitiser (sanitise.ts) and
// inserted as nodes, or code shown as text. The body scrolls on its own; the page never does.
import { useEffect, useRef } from 'preact/hooks';
import { PanelFrame } from '../../PanelFrame.tsx';
import { sanitise } from '../../sanitise.ts';
import type { PanelProps } from '../../types.ts';
import { markdownToHtml, textContent } from './text-content.ts';
import './TextPanel.css';

export function TextPanel({ panel }: PanelProps) {
  const { mode, content, language } = textContent(panel as unknown as Record<string, unknown>);
  const html = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = html.current;
    if (!el) return;
    el.replaceChildren(sanitise(mode === 'markdown' ? markdownToHtml(content) : content));
  }, [mode, content]);

  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      loading={false}
      errors={[]}
      notices={[]}
      links={panel.links}
    >
      <div class={`panel-body text-panel text-${mode}`}>
        {mode === 'code' ? (
          <pre class={language ? `language-${language}` : undefined}>
            <code>{content}</code>
          </pre>
        ) : (
          <div class="markdown" ref={html} />
        )}
      </div>
    </PanelFrame>
  );
}
