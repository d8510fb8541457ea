import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ApiError } from '../account/api';
import { AddChildren } from './add-children';
import { refusedIndex } from './problems';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

async function mount(taken: readonly string[] = []) {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(<AddChildren classId="c1" taken={taken} onAdded={() => {}} random={() => 0} />, root!);
  });
  return root;
}

async function type(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('adding children by nickname', () => {
  it('says at once, by the field, when a nickname looks like personal data', async () => {
    const el = await mount();
    const input = el.querySelector<HTMLInputElement>('#child-0')!;
    await type(input, 'Star');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(el.querySelector('#child-0-error')!.textContent).toBe('');
    await type(input, 'sok@gmail.com');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#child-0-error')!.textContent).toContain('personal information');
    expect(input.getAttribute('aria-describedby')).toContain('child-0-error');
    await type(input, 'Tiger 7');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    await type(input, '12345');
    expect(el.querySelector('#child-0-error')!.textContent).toContain('at least one letter');
  });

  it('suggests nicknames the class does not use, and a suggestion fills the empty field', async () => {
    const el = await mount(['Blue Whale']);
    const ideas = [...el.querySelectorAll<HTMLButtonElement>('.suggestions button')];
    expect(ideas).toHaveLength(6);
    const names = ideas.map((b) => b.textContent);
    expect(names).not.toContain('Blue Whale');
    await act(() => ideas[0]!.click());
    expect(el.querySelector<HTMLInputElement>('#child-0')!.value).toBe(names[0]);
  });
});

describe('which field a refusal is about', () => {
  const refusal = (message: string) => new ApiError(400, 'personal_data', message);
  it('finds the nickname the server quotes, also when it was cut short', () => {
    const typed = ['Star', 'call me on 012 345 678 please', 'Moon'];
    expect(refusedIndex(refusal('"Moon" looks like personal data'), typed)).toBe(2);
    expect(
      refusedIndex(refusal('"call me on 012 345 678 …" looks like personal data'), typed),
    ).toBe(1);
    expect(refusedIndex(refusal('"star" is already in this class'), typed)).toBe(0);
    expect(refusedIndex(refusal('no quotes here'), typed)).toBe(-1);
    expect(refusedIndex(new Error('"Star"'), typed)).toBe(-1);
  });
});
