// What runs inside the map page. Plain JS strings: tsx compiles with keepNames, whose
// helper calls would not exist in the page if named functions were passed to it.

/** Installed before the page's own scripts: our rAF loop, WebGL draw counting, long tasks. */
export const PAGE_HOOKS = `(() => {
  const hooks = { rafTicks: 0, draws: 0, drawnFrames: 0, seenDraws: 0, longTasks: 0,
    longTaskMs: 0, recording: false, intervals: [], lastRaf: 0 };
  window.__mapBench = hooks;
  for (const ctor of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!ctor) continue;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced',
      'drawElementsInstanced', 'drawRangeElements']) {
      const original = ctor.prototype[name];
      if (typeof original !== 'function') continue;
      ctor.prototype[name] = function (...args) {
        hooks.draws += 1;
        return original.apply(this, args);
      };
    }
  }
  const tick = (t) => {
    hooks.rafTicks += 1;
    if (hooks.draws !== hooks.seenDraws) {
      hooks.drawnFrames += 1;
      hooks.seenDraws = hooks.draws;
    }
    if (hooks.recording && hooks.lastRaf > 0) hooks.intervals.push(t - hooks.lastRaf);
    hooks.lastRaf = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        hooks.longTasks += 1;
        hooks.longTaskMs += entry.duration;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

/** What PAGE_MARK returns: the counters now, and the frame intervals since the last mark. */
export interface PageMark {
  nowMs: number;
  frames: number;
  entityCount: number;
  rafTicks: number;
  draws: number;
  drawnFrames: number;
  longTasks: number;
  longTaskMs: number;
  intervals: number[];
}

export const PAGE_MARK = `(() => {
  const h = window.__mapBench;
  const m = window.quaysideMap;
  return { nowMs: performance.now(), frames: m ? m.frames : 0,
    entityCount: m ? m.entityCount : 0, rafTicks: h.rafTicks, draws: h.draws,
    drawnFrames: h.drawnFrames, longTasks: h.longTasks, longTaskMs: h.longTaskMs,
    intervals: h.intervals.splice(0) };
})()`;

export const RENDERER = `(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
})()`;
