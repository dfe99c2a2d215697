import { describe, expect, it } from 'vitest';
import { contrastText, resolveColor, toRgb, withOpacity } from './palette.ts';

describe('resolveColor', () => {
  it('maps every shade of Grafana’s named palette', () => {
    expect(resolveColor('green')).toBe('#73BF69');
    expect(resolveColor('semi-dark-red')).toBe('#E02F44');
    expect(resolveColor('super-light-blue')).toBe('#C0D8FF');
    expect(resolveColor('dark-purple')).toBe('#8F3BB8');
    expect(resolveColor('light-yellow')).toBe('#FFEE52');
  });

  it('passes hex and rgb through, and never anything else', () => {
    expect(resolveColor('#abc')).toBe('#abc');
    expect(resolveColor('rgba(1, 2, 3, 0.5)')).toBe('rgba(1, 2, 3, 0.5)');
    expect(resolveColor('url(x)', '#000')).toBe('#000');
    expect(resolveColor('constructor', '#000')).toBe('#000');
    expect(resolveColor('red;background:url(x)', '#000')).toBe('#000');
  });
});

describe('withOpacity', () => {
  it('sets the alpha of hex and rgb colours', () => {
    expect(withOpacity('#F2495C', 0.15)).toBe('rgba(242, 73, 92, 0.15)');
    expect(withOpacity('#fff', 2)).toBe('rgba(255, 255, 255, 1)');
    expect(withOpacity('rgb(1, 2, 3)', 0.5)).toBe('rgba(1, 2, 3, 0.5)');
    expect(withOpacity('#11223380', 0.5)).toBe('rgba(17, 34, 51, 0.5)');
    expect(withOpacity('transparent', 0.5)).toBe('transparent');
  });

  it('reads colours to rgb', () => {
    expect(toRgb('#73BF69')).toEqual([115, 191, 105]);
    expect(toRgb('hsl(1, 2%, 3%)')).toBeNull();
  });
});

describe('contrastText', () => {
  it('is dark on light colours and white on dark ones', () => {
    expect(contrastText('#FFF899')).toBe('#111217');
    expect(contrastText('#C4162A')).toBe('#FFFFFF');
    expect(contrastText('#1F60C4')).toBe('#FFFFFF');
    expect(contrastText('transparent')).toBe('#FFFFFF');
  });
});
