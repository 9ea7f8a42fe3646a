/** Expected outputs shared by the reload tests (unit and browser). */

/** `docker diff` of an alpine container after `apk add bash`, as the same container shows it without a reload. */
export const BASH_DIFF = [
  'C /bin', 'A /bin/bash', 'C /etc', 'C /etc/apk/world', 'A /etc/bash', 'A /etc/bash/bashrc', 'C /etc/shells', 'A /etc/terminfo',
  'A /etc/terminfo/a', 'A /etc/terminfo/a/alacritty', 'A /etc/terminfo/a/ansi', 'A /etc/terminfo/d', 'A /etc/terminfo/d/dumb',
  'A /etc/terminfo/l', 'A /etc/terminfo/l/linux', 'A /etc/terminfo/r', 'A /etc/terminfo/r/rxvt', 'A /etc/terminfo/s',
  'A /etc/terminfo/s/screen', 'A /etc/terminfo/s/screen-256color', 'A /etc/terminfo/s/sun', 'A /etc/terminfo/t', 'A /etc/terminfo/t/tmux',
  'A /etc/terminfo/t/tmux-256color', 'A /etc/terminfo/v', 'A /etc/terminfo/v/vt100', 'A /etc/terminfo/v/vt102', 'A /etc/terminfo/v/vt220',
  'A /etc/terminfo/x', 'A /etc/terminfo/x/xterm', 'A /etc/terminfo/x/xterm-256color', 'A /etc/terminfo/x/xterm-color',
  'C /lib/apk/db/installed', 'C /usr/lib', 'A /usr/lib/bash', 'A /usr/lib/bash/head', 'A /usr/lib/bash/mkdir', 'A /usr/lib/bash/sleep',
  'A /usr/lib/libncursesw.so.6', 'A /usr/lib/libncursesw.so.6.5', 'A /usr/lib/libreadline.so.8', 'A /usr/lib/libreadline.so.8.2',
  'C /var/cache/apk', 'A /var/cache/apk/APKINDEX.a26bde9.tar.gz',
].map((l) => `${l}\n`).join('');
