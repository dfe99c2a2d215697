// uPlot plugin: the dashboard's annotations on a time axis, as Grafana draws them (markers,
// regions, their tooltips: annotations-draw.ts). The drawing is a chunk of its own, loaded with
// the dashboard's annotations: the dashboard awaits `loadAnnotationDrawing` before it queries
// any entry, so a chart never holds events it cannot draw at once, and a dashboard without
// annotations never loads it. This part stays in the first load: it makes the chart's marker
// layer and tooltip when the chart is made, so their place among the plot's overlays (under
// the series tooltip) is the same whenever the drawing arrives.
import type uPlot from 'uplot';
import type { TimeZone } from '../time/zone.ts';
import type { AnnotationEvent } from './annotation-types.ts';

export interface AnnotationsSetup {
  events: readonly AnnotationEvent[];
  /** Entry indexes in lane order; used only with multiLane. */
  lanes: readonly number[];
  multiLane: boolean;
}

/** One chart's overlay elements for annotations, and what they show now. */
export interface AnnotationLayers {
  layer: HTMLDivElement;
  box: HTMLDivElement;
  drawnKey: string;
}

type Drawing = typeof import('./annotations-draw.ts');
let drawing: Drawing | null = null;
let loading: Promise<Drawing> | null = null;

/** Fetches the drawing once; resolves when charts can draw annotations. */
export function loadAnnotationDrawing(): Promise<Drawing> {
  loading ??= import('./annotations-draw.ts').then((m) => {
    drawing = m;
    return m;
  });
  // A failed fetch may succeed later: ask again next time.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export function annotationsPlugin(get: () => AnnotationsSetup, zone?: TimeZone): uPlot.Plugin {
  let layers: AnnotationLayers;
  return {
    hooks: {
      init: (u) => {
        const layer = document.createElement('div');
        layer.className = 'chart-annotations';
        const box = document.createElement('div');
        box.className = 'annotation-tooltip';
        box.setAttribute('role', 'tooltip');
        box.hidden = true;
        u.over.append(layer, box);
        u.root.dataset.annotations = '[]';
        layers = { layer, box, drawnKey: '' };
      },
      draw: (u) => {
        if (drawing) return drawing.drawAnnotations(u, get(), layers, zone);
        // Events given before the drawing is in (not the dashboard's way): fetch it, draw again.
        if (get().events.length > 0) {
          void loadAnnotationDrawing().then(
            () => u.root.isConnected && u.redraw(false),
            () => undefined,
          );
        }
      },
    },
  };
}
