// A Copy button that says whether it worked, for a couple of seconds.
import { useEffect, useState } from 'preact/hooks';
import { copyText } from './download.ts';
import './CopyButton.css';

export function CopyButton({ label, text }: { label: string; text: () => string }) {
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    if (said === null) return;
    const t = setTimeout(() => setSaid(null), 2000);
    return () => clearTimeout(t);
  }, [said]);
  return (
    <>
      <button
        type="button"
        onClick={async () => setSaid((await copyText(text())) ? 'Copied' : 'Copy failed')}
      >
        {label}
      </button>
      {said && (
        <span class="copied" role="status">
          {said}
        </span>
      )}
    </>
  );
}
