/**
 * The simulated Alpine 3.22 package index (main and community, x86_64): the packages
 * the lessons install and their dependencies, with the versions, installed sizes and
 * file layouts of the real 3.22 packages as closely as we know them. Packages already
 * in the alpine image (musl, zlib, ca-certificates-bundle, …) are found in
 * /lib/apk/db/installed and are not repeated here.
 *
 * Provenance: hand-written, not recorded. No Alpine mirror is reachable from
 * where Layerlab is built (only npm and Debian's archive are), and the
 * oracle's alpine image (test/golden/oracle.sh) is a local stand-in without
 * apk, so there is no recording script for this index or for apk's output:
 * versions, installed sizes and file lists were typed from Alpine 3.22's
 * package pages, and may lag the live index. Recording them belongs with a
 * machine that reaches dl-cdn.alpinelinux.org (`apk info -a`, `apk add -v`).
 */

/** One file of a package: `size` filler bytes, an executable of `program`, or a symlink. */
export interface PkgFile { path: string; size?: number; program?: string; link?: string }

/** One package of the index. */
export interface ApkPackage {
  name: string;
  version: string;
  repo: 'main' | 'community';
  desc: string;
  url: string;
  license: string;
  /** Installed bytes (apk's I: field). */
  size: number;
  deps: string[];
  files: PkgFile[];
  /** Has a .post-install script (apk prints `Executing <pkg>-<ver>.post-install`). */
  postInstall?: boolean;
}

const NC = '6.5_p20250503-r0';

/** Parses 'path:size', 'path:size:program' and 'path->target'. */
function files(...specs: string[]): PkgFile[] {
  return specs.map((s) => {
    const link = s.split('->');
    if (link.length === 2) return { path: link[0]!, link: link[1]! };
    const [path, size, program] = s.split(':');
    return program ? { path: path!, size: Number(size), program } : { path: path!, size: Number(size) };
  });
}

function pkg(name: string, version: string, repo: ApkPackage['repo'], deps: string, desc: string, url: string, license: string, f: PkgFile[], postInstall = false): ApkPackage {
  const size = Math.ceil(f.reduce((n, x) => n + (x.size ?? 0), 0) / 4096) * 4096 + 4096;
  return { name, version, repo, desc, url, license, size, deps: deps ? deps.split(' ') : [], files: f, ...(postInstall ? { postInstall } : {}) };
}

const GNU = 'https://www.gnu.org/software';
const FIG_FONTS = 'banner big block bubble digital ivrit lean mini mnemonic script shadow slant small smscript smshadow smslant standard term'.split(' ');

/** Every package of the simulated index by name. */
export const ALPINE_PACKAGES: Record<string, ApkPackage> = Object.fromEntries([
  pkg('ncurses-terminfo-base', NC, 'main', '', 'Descriptions of common terminals', 'https://invisible-island.net/ncurses/', 'X11', files('etc/terminfo/a/alacritty:3866', 'etc/terminfo/a/ansi:1481', 'etc/terminfo/d/dumb:308', 'etc/terminfo/l/linux:1788', 'etc/terminfo/r/rxvt:2195', 'etc/terminfo/s/screen:1587', 'etc/terminfo/s/screen-256color:1951', 'etc/terminfo/s/sun:1004', 'etc/terminfo/t/tmux:2034', 'etc/terminfo/t/tmux-256color:2458', 'etc/terminfo/v/vt100:1190', 'etc/terminfo/v/vt102:1184', 'etc/terminfo/v/vt220:1636', 'etc/terminfo/x/xterm:3867', 'etc/terminfo/x/xterm-256color:3857', 'etc/terminfo/x/xterm-color:1551')),
  pkg('libncursesw', NC, 'main', 'ncurses-terminfo-base', 'Console display library (libncursesw)', 'https://invisible-island.net/ncurses/', 'X11', files('usr/lib/libncursesw.so.6->libncursesw.so.6.5', 'usr/lib/libncursesw.so.6.5:326488')),
  pkg('readline', '8.2.13-r1', 'main', 'libncursesw', 'GNU readline library', `${GNU}/readline/`, 'GPL-3.0-or-later', files('usr/lib/libreadline.so.8->libreadline.so.8.2', 'usr/lib/libreadline.so.8.2:276768')),
  pkg('bash', '5.2.37-r0', 'main', 'readline', 'The GNU Bourne Again shell', `${GNU}/bash/bash.html`, 'GPL-3.0-or-later', files('bin/bash:1234504:bash', 'etc/bash/bashrc:1126', 'usr/lib/bash/sleep:14376', 'usr/lib/bash/head:14368', 'usr/lib/bash/mkdir:14376'), true),
  pkg('figlet', '2.2.5-r3', 'community', '', 'Program for making large letters out of ordinary text', 'http://www.figlet.org/', 'BSD-3-Clause', [
    ...files('usr/bin/figlet:35328:figlet', 'usr/bin/chkfont:18272:chkfont', 'usr/bin/figlist:1237:sh-script', 'usr/bin/showfigfonts:1187:sh-script'),
    ...FIG_FONTS.map((f) => ({ path: `usr/share/figlet/${f}.flf`, size: 6000 + f.length * 3001 })),
  ]),
  pkg('brotli-libs', '1.1.0-r2', 'main', '', 'Generic lossless compressor (libraries)', 'https://github.com/google/brotli', 'MIT', files('usr/lib/libbrotlicommon.so.1->libbrotlicommon.so.1.1.0', 'usr/lib/libbrotlicommon.so.1.1.0:137232', 'usr/lib/libbrotlidec.so.1->libbrotlidec.so.1.1.0', 'usr/lib/libbrotlidec.so.1.1.0:51608', 'usr/lib/libbrotlienc.so.1->libbrotlienc.so.1.1.0', 'usr/lib/libbrotlienc.so.1.1.0:621096')),
  pkg('c-ares', '1.34.5-r0', 'main', '', 'Asynchronous DNS/names resolver library', 'https://c-ares.org/', 'MIT', files('usr/lib/libcares.so.2->libcares.so.2.19.4', 'usr/lib/libcares.so.2.19.4:182224')),
  pkg('libunistring', '1.3-r0', 'main', '', 'Library for manipulating Unicode strings and C strings', `${GNU}/libunistring/`, 'GPL-2.0-or-later OR LGPL-3.0-or-later', files('usr/lib/libunistring.so.5->libunistring.so.5.2.0', 'usr/lib/libunistring.so.5.2.0:1734680')),
  pkg('libidn2', '2.3.7-r0', 'main', 'libunistring', 'Encode/Decode library for internationalized domain names', 'https://www.gnu.org/software/libidn#libidn2', 'GPL-2.0-or-later OR LGPL-3.0-or-later', files('usr/lib/libidn2.so.0->libidn2.so.0.4.0', 'usr/lib/libidn2.so.0.4.0:137576')),
  pkg('nghttp2-libs', '1.65.0-r0', 'main', '', 'Experimental HTTP/2 client, server and proxy (libraries)', 'https://nghttp2.org', 'MIT', files('usr/lib/libnghttp2.so.14->libnghttp2.so.14.28.4', 'usr/lib/libnghttp2.so.14.28.4:166408')),
  pkg('libpsl', '0.21.5-r3', 'main', 'libidn2 libunistring', 'C library for the Publix Suffix List', 'https://rockdaboot.github.io/libpsl', 'MIT', files('usr/lib/libpsl.so.5->libpsl.so.5.3.5', 'usr/lib/libpsl.so.5.3.5:71296')),
  pkg('zstd-libs', '1.5.7-r0', 'main', '', 'Zstandard - Fast real-time compression algorithm (libraries)', 'https://www.zstd.net', 'BSD-3-Clause OR GPL-2.0-or-later', files('usr/lib/libzstd.so.1->libzstd.so.1.5.7', 'usr/lib/libzstd.so.1.5.7:709024')),
  pkg('libcurl', '8.14.1-r1', 'main', 'brotli-libs c-ares libidn2 libpsl nghttp2-libs zstd-libs', 'The multiprotocol file transfer library', 'https://curl.se/', 'curl', files('usr/lib/libcurl.so.4->libcurl.so.4.8.0', 'usr/lib/libcurl.so.4.8.0:767576')),
  pkg('curl', '8.14.1-r1', 'main', 'libcurl', 'URL retrival utility and library', 'https://curl.se/', 'curl', files('usr/bin/curl:263704:curl')),
  pkg('oniguruma', '6.9.10-r0', 'main', '', 'a regular expressions library', 'https://github.com/kkos/oniguruma', 'BSD-2-Clause', files('usr/lib/libonig.so.5->libonig.so.5.4.0', 'usr/lib/libonig.so.5.4.0:526040')),
  pkg('jq', '1.8.0-r0', 'main', 'oniguruma', 'A lightweight and flexible command-line JSON processor', 'https://jqlang.github.io/jq/', 'MIT', files('usr/bin/jq:383312:jq')),
  pkg('tree', '2.2.1-r0', 'main', '', 'A recursive directory indented listing of files', 'https://oldmanprogrammer.net/source.php?dir=projects/tree', 'GPL-2.0-or-later', files('usr/bin/tree:86104:tree')),
  pkg('nano', '8.4-r0', 'main', 'libncursesw', 'Enhanced clone of the Pico text editor', 'https://www.nano-editor.org/', 'GPL-3.0-or-later', files('usr/bin/nano:297472:nano', 'usr/bin/rnano->nano', 'usr/share/nano/sh.nanorc:1389')),
  pkg('xxd', '9.1.1415-r0', 'main', '', 'Hexdump utility from vim', 'https://www.vim.org/', 'Vim', files('usr/bin/xxd:26936:xxd')),
  pkg('vim-common', '9.1.1415-r0', 'main', '', 'Vi Improved, a highly configurable text editor (runtime files)', 'https://www.vim.org/', 'Vim', files('usr/share/vim/vim91/defaults.vim:4917', 'usr/share/vim/vim91/syntax/syntax.vim:1495', 'usr/share/vim/vim91/filetype.vim:96313', 'usr/share/vim/vim91/colors/default.vim:2441', 'usr/share/vim/vim91/doc/help.txt:9875', 'usr/share/vim/vim91/runtime.tar:17530000')),
  pkg('vim', '9.1.1415-r0', 'main', 'libncursesw vim-common xxd', 'Improved vi-style text editor', 'https://www.vim.org/', 'Vim', files('usr/bin/vim:3480776:vim', 'usr/bin/rview->vim', 'usr/bin/rvim->vim', 'usr/bin/vimdiff->vim', 'usr/bin/vimtutor:2149')),
  pkg('libexpat', '2.7.1-r0', 'main', '', 'XML Parser library written in C', 'https://libexpat.github.io/', 'MIT', files('usr/lib/libexpat.so.1->libexpat.so.1.10.2', 'usr/lib/libexpat.so.1.10.2:198032')),
  pkg('pcre2', '10.43-r1', 'main', '', 'Perl-compatible regular expression library', 'https://pcre.org/', 'BSD-3-Clause', files('usr/lib/libpcre2-8.so.0->libpcre2-8.so.0.13.0', 'usr/lib/libpcre2-8.so.0.13.0:592840')),
  pkg('git', '2.49.1-r0', 'main', 'libcurl libexpat pcre2 zlib', 'Distributed version control system', 'https://www.git-scm.com/', 'GPL-2.0-or-later', files('usr/bin/git:3785248:git', 'usr/bin/git-shell:1010104:git-shell', 'usr/bin/git-receive-pack->git', 'usr/bin/git-upload-archive->git', 'usr/bin/git-upload-pack->git', 'usr/libexec/git-core/git-remote-http:1632200', 'usr/libexec/git-core/git-sh-setup:9183', 'usr/share/git-core/templates/description:73')),
  pkg('libbz2', '1.0.8-r6', 'main', '', 'Shared library for bz2', 'https://sourceware.org/bzip2/', 'bzip2-1.0.6', files('usr/lib/libbz2.so.1->libbz2.so.1.0.8', 'usr/lib/libbz2.so.1.0.8:75696')),
  pkg('libffi', '3.4.8-r0', 'main', '', 'portable, high level programming interface to various calling conventions.', 'https://sourceware.org/libffi/', 'MIT', files('usr/lib/libffi.so.8->libffi.so.8.1.4', 'usr/lib/libffi.so.8.1.4:42752')),
  pkg('gdbm', '1.24-r0', 'main', '', 'GNU dbm is a set of database routines that use extensible hashing', `${GNU}/gdbm/`, 'GPL-3.0-or-later', files('usr/lib/libgdbm.so.6->libgdbm.so.6.0.0', 'usr/lib/libgdbm.so.6.0.0:63576')),
  pkg('xz-libs', '5.8.1-r0', 'main', '', 'Library and CLI tools for XZ and LZMA compressed files (libraries)', 'https://tukaani.org/xz', '0BSD', files('usr/lib/liblzma.so.5->liblzma.so.5.8.1', 'usr/lib/liblzma.so.5.8.1:186248')),
  pkg('mpdecimal', '4.0.1-r0', 'main', '', 'complete implementation of the General Decimal Arithmetic Specification', 'https://www.bytereef.org/mpdecimal/index.html', 'BSD-2-Clause', files('usr/lib/libmpdec.so.4->libmpdec.so.4.0.1', 'usr/lib/libmpdec.so.4.0.1:231168')),
  pkg('sqlite-libs', '3.49.2-r1', 'main', '', 'Sqlite3 library', 'https://www.sqlite.org/', 'blessing', files('usr/lib/libsqlite3.so.0->libsqlite3.so.0.8.6', 'usr/lib/libsqlite3.so.0.8.6:1460624')),
  pkg('python3', '3.12.11-r0', 'main', 'libbz2 libexpat libffi gdbm xz-libs mpdecimal libncursesw readline sqlite-libs', 'A high-level scripting language', 'https://www.python.org/', 'PSF-2.0', files('usr/bin/python3->python3.12', 'usr/bin/python3.12:14352:python3', 'usr/lib/libpython3.12.so.1.0:5826736', 'usr/lib/python3.12/os.py:39786', 'usr/lib/python3.12/lib-dynload/_ssl.cpython-312-x86_64-linux-musl.so:205904', 'usr/lib/python3.12/stdlib.bundle:38100000')),
  pkg('libgcc', '14.2.0-r6', 'main', '', 'GNU C compiler runtime libraries', 'https://gcc.gnu.org', 'GPL-2.0-or-later AND LGPL-2.1-or-later', files('usr/lib/libgcc_s.so.1:92568')),
  pkg('libstdc++', '14.2.0-r6', 'main', 'libgcc', 'GNU C++ standard runtime library', 'https://gcc.gnu.org', 'GPL-2.0-or-later AND LGPL-2.1-or-later', files('usr/lib/libstdc++.so.6->libstdc++.so.6.0.33', 'usr/lib/libstdc++.so.6.0.33:2592536')),
  pkg('icu-data-en', '76.1-r1', 'main', '', 'Stripped down ICU data with only en_US/GB locale and no legacy charsets', 'https://icu.unicode.org/', 'ICU', files('usr/share/icu/76.1/icudt76l.dat:2723312')),
  pkg('icu-libs', '76.1-r1', 'main', 'icu-data-en libgcc libstdc++', 'International Components for Unicode library (libraries)', 'https://icu.unicode.org/', 'ICU', files('usr/lib/libicuuc.so.76->libicuuc.so.76.1', 'usr/lib/libicuuc.so.76.1:2170304', 'usr/lib/libicui18n.so.76->libicui18n.so.76.1', 'usr/lib/libicui18n.so.76.1:3587840', 'usr/lib/libicudata.so.76->libicudata.so.76.1', 'usr/lib/libicudata.so.76.1:14040')),
  pkg('ada-libs', '2.9.2-r3', 'main', 'libgcc libstdc++', 'WHATWG-compliant and fast URL parser written in modern C++ (libraries)', 'https://github.com/ada-url/ada', 'Apache-2.0 OR MIT', files('usr/lib/libada.so.2->libada.so.2.9.2', 'usr/lib/libada.so.2.9.2:318840')),
  pkg('simdjson', '3.12.0-r0', 'main', 'libgcc libstdc++', 'Parsing gigabytes of JSON per second', 'https://simdjson.org/', 'Apache-2.0 OR MIT', files('usr/lib/libsimdjson.so.25->libsimdjson.so.25.0.0', 'usr/lib/libsimdjson.so.25.0.0:1838472')),
  pkg('simdutf', '6.4.0-r0', 'main', 'libgcc libstdc++', 'Unicode routines (UTF8, UTF16, UTF32) and Base64: billions of characters per second', 'https://simdutf.github.io/simdutf/', 'Apache-2.0 OR MIT', files('usr/lib/libsimdutf.so.22->libsimdutf.so.22.0.0', 'usr/lib/libsimdutf.so.22.0.0:1530552')),
  pkg('nodejs', '22.16.0-r2', 'main', 'ada-libs brotli-libs c-ares icu-libs libgcc libstdc++ nghttp2-libs simdjson simdutf sqlite-libs zlib', 'JavaScript runtime built on V8 engine - LTS version', 'https://nodejs.org/', 'MIT', files('usr/bin/node:47826928:node', 'usr/share/doc/nodejs/README.md:39842', 'usr/share/man/man1/node.1.gz:6109'), false),
  pkg('npm', '11.3.0-r0', 'community', 'nodejs', 'JavaScript package manager', 'https://www.npmjs.com/', 'Artistic-2.0', files('usr/bin/npm->../lib/node_modules/npm/bin/npm-cli.js', 'usr/bin/npx->../lib/node_modules/npm/bin/npx-cli.js', 'usr/lib/node_modules/npm/bin/npm-cli.js:54:npm', 'usr/lib/node_modules/npm/bin/npx-cli.js:2922:npx', 'usr/lib/node_modules/npm/package.json:2583', 'usr/lib/node_modules/npm/node_modules.bundle:8790000')),
].map((p) => [p.name, p]));

/** Unique package count of the real 3.22 main + community indexes (apk update's last line). */
export const ALPINE_DISTINCT = 26326;
/** The index snapshots `apk update` reports. */
export const ALPINE_INDEX_VERSIONS = { main: 'v3.22.1-88-g1a5bc0a3f7e', community: 'v3.22.1-89-gb2e9f3b4a72' };
