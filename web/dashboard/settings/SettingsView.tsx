// Dashboard settings (`?editview=settings`, Grafana's parameter): the tabs of SETTINGS_TABS
// down the left, the chosen one beside them. Changes go to the working copy; the dashboard's
// Save button stays at hand.
import type { ComponentChildren } from 'preact';
import type { SettingsTabProps } from './settings-tabs.tsx';
import { SETTINGS_TABS } from './settings-tabs.tsx';
import '../../ui/editor-forms.css';
import './SettingsView.css';

interface Props extends SettingsTabProps {
  tab: string;
  onTab: (tab: string) => void;
  onClose: () => void;
  saveButton: ComponentChildren;
}

export function SettingsView({ tab, onTab, onClose, saveButton, ...tabProps }: Props) {
  const { dashboard } = tabProps;
  const current = SETTINGS_TABS.find((t) => t.id === tab) ?? SETTINGS_TABS[0]!;
  const title = typeof dashboard.title === 'string' ? dashboard.title : '';
  return (
    <main class="settings-view">
      <div class="toolbar editor-bar">
        <h1 class="dash-title">
          <span class="crumb">{title} /</span> Settings
        </h1>
        <div class="toolbar-controls">
          <button type="button" onClick={onClose}>
            ← Back to dashboard
          </button>
          {saveButton}
        </div>
      </div>
      <div class="settings-layout">
        <div class="settings-tabs" aria-label="Settings" role="tablist" aria-orientation="vertical">
          {SETTINGS_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              class="settings-tab"
              role="tab"
              aria-selected={t.id === current.id}
              onClick={() => onTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <section class="settings-content" role="tabpanel" aria-label={current.label}>
          <h2 class="settings-title">{current.label}</h2>
          <current.Component key={current.id} {...tabProps} />
        </section>
      </div>
    </main>
  );
}
