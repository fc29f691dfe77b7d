#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal, as a person at a terminal would.

Reads one JSON object on stdin:
  {"argv": [...], "env": {...}, "cwd": "...", "cols": 80, "rows": 24,
   "steps": [{"expect": "<regex>", "send": "<keys>", "skip_if": "<regex>"}, ...], "timeout": 30}
Each step waits until its regex matches what the program printed since the
previous keys were sent (colour codes removed), then sends its keys; a step
whose skip_if matches first is skipped (a prompt this run does not ask). After
the last step it waits for the program to exit.

Prints one JSON object: {"code": exit code (negative: killed by that signal,
null: still running at the timeout and killed), "transcript": everything printed
(colour and cursor codes removed), "screen": the terminal's lines at the end,
scrollback included, as a terminal of that size shows them, "overflow": the
lines the program printed wider than the terminal (the terminal had to wrap
them), "steps": how many steps ran, "waiting_for": the regex still unmatched}.

Only the Python standard library: pty, select, a small VT100 screen.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time, unicodedata

ANSI = re.compile(r'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\r')


def char_width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1


class Screen:
    """Enough of a VT100 for what prompt libraries write: text, CR/LF, cursor moves, erasing."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.lines = [[] for _ in range(rows)]  # each a list of cells (a wide char fills two: char, '')
        self.scrollback = []
        self.r = self.c = 0
        self.overflow = []
        self.pending = ''

    def _line(self):
        line = self.lines[self.r]
        if len(line) < self.cols:
            line.extend([' '] * (self.cols - len(line)))
        return line

    def _newline(self):
        if self.r == self.rows - 1:
            self.scrollback.append(self._text(self.lines.pop(0)))
            self.lines.append([])
        else:
            self.r += 1

    @staticmethod
    def _text(cells):
        return ''.join(cells).rstrip()

    def _put(self, ch):
        w = char_width(ch)
        if w == 0:
            return
        if self.c + w > self.cols:
            # The terminal wraps what the program did not: a line too wide.
            self.overflow.append(self._text(self._line()))
            self._newline()
            self.c = 0
        line = self._line()
        line[self.c] = ch
        if w == 2:
            line[self.c + 1] = ''
        self.c += w

    def _csi(self, params, final):
        private = params.startswith('?')
        nums = [int(p) if p.isdigit() else 0 for p in params.lstrip('?').split(';')] if params.lstrip('?') else []
        n = nums[0] if nums and nums[0] else 1
        if private or final in 'hlmsu':
            return
        if final == 'A':
            self.r = max(0, self.r - n)
        elif final == 'B':
            self.r = min(self.rows - 1, self.r + n)
        elif final == 'C':
            self.c = min(self.cols - 1, self.c + n)
        elif final == 'D':
            self.c = max(0, self.c - n)
        elif final == 'E':
            self.r, self.c = min(self.rows - 1, self.r + n), 0
        elif final == 'F':
            self.r, self.c = max(0, self.r - n), 0
        elif final == 'G':
            self.c = min(self.cols - 1, n - 1)
        elif final in 'Hf':
            row = nums[0] if len(nums) > 0 and nums[0] else 1
            col = nums[1] if len(nums) > 1 and nums[1] else 1
            self.r, self.c = min(self.rows, row) - 1, min(self.cols, col) - 1
        elif final == 'K':
            mode = nums[0] if nums else 0
            line = self._line()
            if mode == 0:
                line[self.c:] = [' '] * (self.cols - self.c)
            elif mode == 1:
                line[:self.c + 1] = [' '] * (self.c + 1)
            else:
                line[:] = [' '] * self.cols
        elif final == 'J':
            mode = nums[0] if nums else 0
            if mode == 0:
                self._line()[self.c:] = [' '] * (self.cols - self.c)
                for i in range(self.r + 1, self.rows):
                    self.lines[i] = []
            elif mode == 1:
                for i in range(0, self.r):
                    self.lines[i] = []
                self._line()[:self.c + 1] = [' '] * (self.c + 1)
            else:
                self.lines = [[] for _ in range(self.rows)]

    def feed(self, text):
        text = self.pending + text
        self.pending = ''
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == '\x1b':
                m = re.compile(r'\x1b\[([0-9;?]*)[ -/]*([@-~])').match(text, i)
                if m:
                    self._csi(m.group(1), m.group(2))
                    i = m.end()
                    continue
                m = re.compile(r'\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)').match(text, i) or re.compile(r'\x1b[@-Z\\-_78]').match(text, i)
                if m:
                    i = m.end()
                    continue
                self.pending = text[i:]  # an escape cut in two by a read
                return
            if ch == '\r':
                self.c = 0
            elif ch == '\n':
                self._newline()
            elif ch == '\b':
                self.c = max(0, self.c - 1)
            elif ch == '\t':
                self.c = min(self.cols - 1, (self.c // 8 + 1) * 8)
            elif ch >= ' ' and ch != '\x7f':
                self._put(ch)
            i += 1

    def text(self):
        lines = self.scrollback + [self._text(l) for l in self.lines]
        while lines and not lines[-1]:
            lines.pop()
        return '\n'.join(lines)


def main():
    spec = json.load(sys.stdin)
    cols, rows = spec.get('cols', 80), spec.get('rows', 24)
    steps = list(spec.get('steps', []))
    deadline = time.time() + spec.get('timeout', 30)
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
            os.chdir(spec.get('cwd') or '.')
            env = dict(spec.get('env') or os.environ)
            env.setdefault('TERM', 'xterm-256color')
            os.execvpe(spec['argv'][0], spec['argv'], env)
        finally:
            os._exit(127)
    screen = Screen(cols, rows)
    raw = b''
    since = ''  # what was printed since the last keys were sent, plain
    done = 0
    decoder_tail = b''
    quiet_after_match = None
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b''
            if not chunk:
                break
            raw += chunk
            data = decoder_tail + chunk
            try:
                text = data.decode('utf8')
                decoder_tail = b''
            except UnicodeDecodeError as e:
                text = data[:e.start].decode('utf8')
                decoder_tail = data[e.start:]
            screen.feed(text)
            since += text
        while done < len(steps) and steps[done].get('skip_if') and re.search(steps[done]['skip_if'], ANSI.sub('', since)):
            done += 1  # a prompt that this run does not show (the next step's text came instead)
        if done < len(steps):
            step = steps[done]
            if re.search(step['expect'], ANSI.sub('', since)):
                # Let the prompt finish drawing before pressing keys.
                if quiet_after_match is None:
                    quiet_after_match = time.time()
                elif time.time() - quiet_after_match > 0.15 and not r:
                    os.write(fd, step['send'].encode('utf8'))
                    since = ''
                    done += 1
                    quiet_after_match = None
    code = None
    try:
        wpid, status = os.waitpid(pid, os.WNOHANG)
        if wpid == 0 and time.time() < deadline:
            # The terminal closed; the program is finishing.
            while time.time() < deadline:
                wpid, status = os.waitpid(pid, os.WNOHANG)
                if wpid:
                    break
                time.sleep(0.02)
        if wpid:
            code = os.waitstatus_to_exitcode(status)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)
    out = {
        'code': code,
        'transcript': ANSI.sub('', raw.decode('utf8', 'replace')),
        'screen': screen.text(),
        'overflow': screen.overflow,
        'steps': done,
        'waiting_for': steps[done]['expect'] if done < len(steps) else None,
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
