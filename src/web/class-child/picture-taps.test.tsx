import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PictureTaps } from './picture-taps';

// The class picture password: three taps in order, dots for progress, a start again, no timer.
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(disabled = false) {
  const got: (readonly string[])[] = [];
  root = document.createElement('div');
  document.body.append(root);
  await act(() =>
    render(<PictureTaps disabled={disabled} onComplete={(p) => got.push(p)} />, root),
  );
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  const click = (name: string) => act(() => button(name).click());
  const dotsOn = () => root.querySelectorAll('.dot.on').length;
  return { got, button, click, dotsOn };
}

describe('PictureTaps', () => {
  it('hands over three pictures in the order tapped, then starts empty again', async () => {
    const m = await mount();
    expect(root.querySelectorAll('.pick')).toHaveLength(12);
    await m.click('Owl');
    expect(m.dotsOn()).toBe(1);
    await m.click('Fox');
    expect(m.dotsOn()).toBe(2);
    expect(root.textContent).toContain('2 of 3 pictures');
    expect(m.got).toEqual([]);
    await m.click('Bee');
    expect(m.got).toEqual([['owl', 'fox', 'bee']]);
    expect(m.dotsOn()).toBe(0);
  });

  it('"Start again" forgets the taps so far', async () => {
    const m = await mount();
    expect(m.button('Start again').disabled).toBe(true);
    await m.click('Cat');
    await m.click('Owl');
    await m.click('Start again');
    expect(m.dotsOn()).toBe(0);
    await m.click('Fox');
    await m.click('Bee');
    await m.click('Cat');
    expect(m.got).toEqual([['fox', 'bee', 'cat']]);
  });

  it('takes no taps while the pictures are being checked', async () => {
    const m = await mount(true);
    for (const name of ['Owl', 'Fox', 'Bee']) await m.click(name);
    expect(m.got).toEqual([]);
    expect(m.dotsOn()).toBe(0);
  });
});
