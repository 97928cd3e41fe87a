// The browser's speech synthesis as the read-aloud tests observe it: the voice list is the one a
// test gives (Debian's headless Chromium has none), and every utterance handed to speak() and
// every cancel() is recorded instead of sounding. Events fire as a browser fires them: `end` on
// the utterance when it is cancelled or finishes, `voiceschanged` once the list has "loaded".
import { Page } from '@playwright/test';

export type Spoken = { text: string; lang: string };

export class Speech {
  constructor(readonly page: Page) {}

  /** Before the page loads: the browser has voices for `langs` (BCP 47 tags), listed late. */
  async install(langs: string[]) {
    await this.page.addInitScript((voiceLangs) => {
      const w = window as any;
      const synth = window.speechSynthesis;
      w.__speech = { spoken: [], cancels: 0, current: null };
      let loaded = false;
      const voices = voiceLangs.map((lang: string) => ({ lang, name: `test ${lang}`, voiceURI: `test-${lang}`, default: false, localService: true }));
      synth.getVoices = () => (loaded ? voices : []) as any;
      setTimeout(() => { loaded = true; synth.dispatchEvent(new Event('voiceschanged')); }, 50);
      synth.speak = (u: SpeechSynthesisUtterance) => {
        w.__speech.spoken.push({ text: u.text, lang: u.lang });
        w.__speech.current = u;
      };
      synth.cancel = () => {
        w.__speech.cancels += 1;
        const u = w.__speech.current;
        w.__speech.current = null;
        u?.dispatchEvent(new Event('end'));
      };
    }, langs);
  }

  /** Every utterance handed to speak(), in order. */
  async spoken(): Promise<Spoken[]> { return this.page.evaluate(() => (window as any).__speech.spoken); }

  /** The utterance being spoken finishes by itself. */
  async finish() {
    await this.page.evaluate(() => {
      const s = (window as any).__speech;
      const u = s.current;
      s.current = null;
      u?.dispatchEvent(new Event('end'));
    });
  }
}
