import { parseFileCommands, parseLog } from '../../lab/runner/commands.js';

describe('parseFileCommands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV)', () => {
  test.each([
    ['', {}],
    ['a=1\n', { a: '1' }],
    ['a=x=y\n', { a: 'x=y' }],
    ['report<<ghadelimiter_1\n{"a":1}\nline 2\nghadelimiter_1\n', { report: '{"a":1}\nline 2' }],
    ['a<<EOF\n\nEOF\nb=2\n', { a: '', b: '2' }],
    ['a<<EOF\r\nx\r\nEOF\r\n', { a: 'x' }],
    ['a=1\na=2\n', { a: '2' }],
  ])('%j', (text, expected) => {
    expect(parseFileCommands(text)).toEqual(expected);
  });

  test.each([
    ['a<<EOF\nnever closed\n', /matching delimiter 'EOF' not found/],
    ['no separator\n', /invalid file command line/],
  ])('%j is rejected as the runner rejects it', (text, message) => {
    expect(() => parseFileCommands(text)).toThrow(message);
  });
});

describe('parseLog (workflow commands on stdout)', () => {
  test('annotations keep their properties, unescaped', () => {
    const log = parseLog(
      '::error file=a%2Cb.yml,line=3,col=7,title=Bad%3A value::first%0Asecond 100%25\n::warning::careful\n::notice::fyi\n',
    );
    expect(log.annotations).toEqual([
      {
        level: 'error',
        message: 'first\nsecond 100%',
        file: 'a,b.yml',
        line: 3,
        column: 7,
        title: 'Bad: value',
      },
      { level: 'warning', message: 'careful' },
      { level: 'notice', message: 'fyi' },
    ]);
  });

  test('masked values never reach the visible log, including later annotations', () => {
    const log = parseLog(
      'before s3cret\n::add-mask::s3cret\nafter s3cret\n::error::token s3cret refused\n',
    );
    expect(log.masks).toEqual(['s3cret']);
    expect(log.lines).toEqual(['before s3cret', 'after ***', 'Error: token *** refused', '']);
    expect(log.annotations[0]?.message).toBe('token *** refused');
  });

  test('commands are ignored between stop-commands and its token', () => {
    const log = parseLog(
      '::stop-commands::tok\n::error::not a command\n::tok::\n::error::a command\n',
    );
    expect(log.annotations.map((a) => a.message)).toEqual(['a command']);
    expect(log.lines).toContain('::error::not a command');
  });

  test('debug, groups and legacy set-output are separated from the log', () => {
    const log = parseLog(
      '::debug::details\n::group::Watch\ninside\n::endgroup::\n::set-output name=x::1\n',
    );
    expect(log.debug).toEqual(['details']);
    expect(log.groups).toEqual(['Watch']);
    expect(log.legacyOutputs).toEqual({ x: '1' });
    expect(log.lines).toEqual(['▶ Watch', 'inside', '']);
  });
});
