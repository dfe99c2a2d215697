// The box around every panel: title, a loading bar, and the panel's errors and notices in
// Prometheus' own words. Everything here renders as text.
import type { ComponentChildren } from 'preact';

interface Props {
  title: string;
  description?: string;
  loading: boolean;
  errors: string[];
  notices: string[];
  children: ComponentChildren;
}

export function PanelFrame({ title, description, loading, errors, notices, children }: Props) {
  return (
    <section class="panel" aria-label={title || 'panel'} aria-busy={loading}>
      <header class="panel-header">
        <h2 class="panel-title" title={description}>
          {title}
        </h2>
        {errors.length > 0 && (
          <span class="panel-error-icon" role="img" aria-label="error" title={errors.join('\n')}>
            !
          </span>
        )}
      </header>
      <div class={`panel-loading${loading ? ' active' : ''}`} />
      {errors.length > 0 && (
        <div class="panel-error" role="alert">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {notices.length > 0 && (
        <div class="panel-notice" role="status">
          {notices.join(' · ')}
        </div>
      )}
      {children}
    </section>
  );
}
