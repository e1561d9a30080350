import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('reads named events and ignores comment lines', () => {
    const parser = new SseParser();
    const frames = parser.push(': connected\n\nevent: dataChanged\ndata: {"entity":"notifications"}\n\n');
    expect(frames).toEqual([{ event: 'dataChanged', data: '{"entity":"notifications"}' }]);
  });

  it('keeps a frame that arrives in pieces until its blank line', () => {
    const parser = new SseParser();
    expect(parser.push('event: jobPro')).toEqual([]);
    expect(parser.push('gress\ndata: {"done":')).toEqual([]);
    expect(parser.push('3}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'jobProgress', data: '{"done":3}' }]);
  });

  it('accepts CRLF line ends, even split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: a\r')).toEqual([]);
    expect(parser.push('\ndata: 1\r\n\r\n')).toEqual([{ event: 'a', data: '1' }]);
  });

  it('joins several data lines with newlines and defaults the event name to message', () => {
    const parser = new SseParser();
    expect(parser.push('data: one\ndata:two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('does not carry an event name over to the next frame', () => {
    const parser = new SseParser();
    const frames = parser.push('event: first\ndata: 1\n\ndata: 2\n\n');
    expect(frames.map((f) => f.event)).toEqual(['first', 'message']);
  });
});
