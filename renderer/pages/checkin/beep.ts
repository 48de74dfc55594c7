/** What the desk hears: one high tone for a check-in, two low ones for a refusal, a buzz for nothing found. */
export type Beep = 'ok' | 'refused' | 'unknown';

/** [frequency Hz, start s, length s] */
const tones: Record<Beep, readonly (readonly [number, number, number])[]> = {
  ok: [[1320, 0, 0.12]],
  refused: [
    [440, 0, 0.12],
    [440, 0.18, 0.12],
  ],
  unknown: [[200, 0, 0.35]],
};

let context: AudioContext | undefined;

/**
 * Plays a short tone with Web Audio (no sound files: the app ships none and needs no network).
 * The desk's keystrokes are user gestures, so the context may start; where it cannot, the screen
 * still shows the same news.
 */
export function beep(kind: Beep): void {
  try {
    play(kind);
  } catch (error) {
    // No sound is no reason to stop the desk: the banner carries the same news.
    console.warn('提示音无法播放', error);
  }
}

function play(kind: Beep): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const audio = context;
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  const start = audio.currentTime + 0.01;
  for (const [frequency, offset, length] of tones[kind]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = frequency;
    // A quick fade in and out: no click at either end.
    gain.gain.setValueAtTime(0, start + offset);
    gain.gain.linearRampToValueAtTime(0.12, start + offset + 0.01);
    gain.gain.linearRampToValueAtTime(0, start + offset + length);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + length + 0.02);
  }
}
