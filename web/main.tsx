import { render } from 'preact';
import { App } from './app/App.tsx';
import { navigate } from './nav/router.ts';
import { installFrameScheduler } from './query/frame-scheduler.ts';
import './styles.css';

// Same-origin links navigate inside the app instead of reloading the page; downloads
// (`<a download>`, blob: URLs included, whose origin is the page's) are left to the browser.
document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a');
  if (
    !a ||
    e.defaultPrevented ||
    e.button !== 0 ||
    e.metaKey ||
    e.ctrlKey ||
    e.shiftKey ||
    a.target ||
    a.hasAttribute('download')
  )
    return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

// Answers landing within one frame render together (see frame-scheduler.ts).
installFrameScheduler();

render(<App />, document.getElementById('app')!);
