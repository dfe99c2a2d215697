// The dashboard's annotations over a panel that draws its own time axis without uPlot (state
// timeline, status history), as Grafana draws them on every panel with a time axis: a dashed
// line per marker, a shaded band per region, a triangle or bar along the bottom, and on hover
// a tooltip of title, text, tags and time. Preact renders every string as text. What is placed
// is written to data-annotations (css px within the plot), as the uPlot plugin does.
import { useContext, useMemo, useState } from 'preact/hooks';
import type { PlacedAnnotation } from '../chart/annotation-types.ts';
import { multiLane } from '../chart/annotation-types.ts';
import { describePlaced, placeAnnotations } from '../chart/annotations.ts';
import { withOpacity } from '../fields/palette.ts';
import { formatTimestamp } from '../time/time-format.ts';
import { TimeSettingsContext } from '../time/time-settings.ts';
import { usePanelAnnotations } from './annotations-context.ts';

const LANE = 7; // css px, as the uPlot plugin (Grafana's ANNOTATION_LANE_SIZE)

interface Props {
  panelId: number;
  options: unknown;
  /** The plot's box within the panel body (css px) and the time it shows (ms). */
  left: number;
  width: number;
  height: number;
  start: number;
  end: number;
}

export function AnnotationLayer({ panelId, options, left, width, height, start, end }: Props) {
  const { events, lanes } = usePanelAnnotations(panelId);
  const zone = useContext(TimeSettingsContext).timezone;
  const lanesOf = multiLane(options) ? lanes : undefined;
  const placed = useMemo(
    () => placeAnnotations(events, start, end, width, lanesOf),
    [events, start, end, width, lanesOf],
  );
  const [hover, setHover] = useState<PlacedAnnotation | null>(null);
  if (placed.length === 0) return null;
  const drawn = describePlaced(placed);
  const e = hover?.event;
  const flip = hover ? hover.left > width / 2 : false;
  return (
    <div
      class="timeline-annotations"
      style={{ left: `${left}px`, width: `${width}px`, height: `${height}px` }}
      data-annotations={drawn}
    >
      {placed.map((p, i) => {
        const region = p.right > p.left;
        const color = p.event.color;
        return (
          <div key={i}>
            {region && (
              <div
                class="annotation-band"
                style={{
                  left: `${p.left}px`,
                  width: `${p.right - p.left}px`,
                  background: withOpacity(color, 0.1),
                  borderColor: withOpacity(color, 0.6),
                }}
              />
            )}
            {!region && (
              <div
                class="annotation-line"
                style={{ left: `${p.left}px`, borderColor: withOpacity(color, 0.6) }}
              />
            )}
            <div
              class={region ? 'annotation-region' : 'annotation-marker'}
              role="img"
              aria-label={p.event.title || 'annotation'}
              style={{
                left: `${p.left}px`,
                bottom: `${p.lane * LANE}px`,
                ...(region
                  ? { width: `${Math.max(1, p.right - p.left)}px`, background: color }
                  : { borderBottomColor: color }),
              }}
              onMouseEnter={() => setHover(p)}
              onMouseLeave={() => setHover(null)}
            />
          </div>
        );
      })}
      {hover && e && (
        <div
          class="annotation-tooltip"
          role="tooltip"
          style={{
            bottom: `${(hover.lane + 1) * LANE + 4}px`,
            ...(flip
              ? { right: `${width - Math.max(hover.left, hover.right)}px` }
              : { left: `${hover.left}px` }),
          }}
        >
          <div class="tt-time">
            {e.timeEnd > e.time
              ? `${formatTimestamp(e.time, zone)} – ${formatTimestamp(e.timeEnd, zone)}`
              : formatTimestamp(e.time, zone)}
          </div>
          {e.title && <div class="annotation-title">{e.title}</div>}
          {e.text && <div class="annotation-text">{e.text}</div>}
          {e.tags.length > 0 && (
            <div class="annotation-tags">
              {e.tags.map((t) => (
                <span class="annotation-tag" key={t}>
                  {t}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
