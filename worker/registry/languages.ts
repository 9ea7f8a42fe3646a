/**
 * File trees of the language and application layers (golang, eclipse-temurin,
 * openjdk, ruby, php/apache, wordpress, rust, docker) and of the oraclelinux:8-slim
 * base openjdk's last builds sit on. As in apps.ts: the programs a learner calls are
 * executables carrying their simulated program's marker, configuration files and
 * scripts are real text, and each layer is topped up to its real size with library
 * and data files of plausible names.
 */
import { bulkNames, debGroup, debPasswd } from './debian.ts';
import { statusWith } from './dpkg.ts';
import type { DebPkg } from './dpkg.ts';
import { fakeBase64, fakeHex, Tree } from './tree.ts';
import type { FileOpts } from './tree.ts';

/** Multiarch library directory of Debian-family images. */
const X = 'usr/lib/x86_64-linux-gnu';

/** Where a layer's remaining bytes go: directory, name stems, extension, and how many files. */
export type Fill = [dir: string, stems: readonly string[], ext: string, files: number];

/** What one install layer holds. */
export interface Install {
  /** path → [size, program]: simulated executables. */
  exe?: Record<string, [number, string]>;
  /** path → size: plain data files (libraries, archives). */
  blob?: Record<string, number>;
  /** path → text (0644), or [text, mode]. */
  text?: Record<string, string | [string, number]>;
  /** path → link target. */
  link?: Record<string, string>;
  /** path → hard-link target (an earlier path of this layer). */
  hardlink?: Record<string, string>;
  dirs?: Array<[string, FileOpts?]>;
  /** Debian packages installed by this layer (the dpkg status lists the base's and these). */
  deb?: { pkgs: readonly DebPkg[]; ubuntu?: boolean };
  /** Alpine packages: the apk database text to write (see apkDb). */
  apk?: { db: string; world: readonly string[] };
  /** The rest of the bytes, spread over these directories in equal parts. */
  fill?: readonly Fill[];
}

/** Build an install layer of about `target` bytes. */
export function installTree(key: string, mtime: number, target: number, spec: Install): Tree {
  const t = new Tree(key, mtime);
  for (const [d, o] of spec.dirs ?? []) t.dir(d, o);
  for (const [p, [size, program]] of Object.entries(spec.exe ?? {})) t.exe(p, size, program);
  for (const [p, size] of Object.entries(spec.blob ?? {})) t.blob(p, size);
  for (const [p, v] of Object.entries(spec.text ?? {})) t.text(p, typeof v === 'string' ? v : v[0], typeof v === 'string' ? {} : { mode: v[1] });
  for (const [p, target2] of Object.entries(spec.link ?? {})) t.link(p, target2);
  for (const [p, target2] of Object.entries(spec.hardlink ?? {})) t.hardlink(p, target2);
  if (spec.deb) {
    t.text('var/lib/dpkg/status', statusWith(spec.deb.ubuntu ?? false, spec.deb.pkgs));
    for (const p of spec.deb.pkgs) t.text(`var/lib/dpkg/info/${p.name}.list`, `/.\n/usr/share/doc/${p.name}\n`).text(`usr/share/doc/${p.name}/copyright`, `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${p.name}\n`);
  }
  if (spec.apk) t.text('lib/apk/db/installed', spec.apk.db).text('etc/apk/world', [...spec.apk.world].sort().join('\n') + '\n');
  const fills = spec.fill ?? [];
  const rest = target - t.bytes();
  if (rest < 0) throw new Error(`layer ${key}: ${-rest} bytes over its budget`);
  fills.forEach(([dir, stems, ext, files], i) => {
    const names = bulkNames(stems, files, ext);
    if (i === fills.length - 1) t.fillTo(target, dir, names);
    else t.spread(dir, names, Math.floor(rest / fills.length));
  });
  return t;
}

/** Debian packages from 'name version section description…' strings. */
export function debs(...specs: string[]): DebPkg[] {
  return specs.map((s) => {
    const [name, version, section, ...desc] = s.split(' ') as [string, string, string, ...string[]];
    return { name, version, section, kb: 100 + name.length * 211, desc: desc.join(' ') };
  });
}

/** One package stanza of /lib/apk/db/installed, as apk writes it (checksums are fake). */
export interface ApkPkg { name: string; version: string; desc: string; files: readonly string[] }

/** The apk database after installing `pkgs` on top of `base` (the text of the layer below). */
export function apkDb(base: string, pkgs: readonly ApkPkg[], buildTime: number): string {
  const stanzas = pkgs.map((p) => {
    const lines = [`C:Q1${fakeBase64(p.name + p.version, 20).slice(0, 27)}=`, `P:${p.name}`, `V:${p.version}`, 'A:x86_64', `S:${40000 + p.name.length * 9000}`, `I:${90000 + p.name.length * 21000}`, `T:${p.desc}`, 'U:https://alpinelinux.org', 'L:MIT', `o:${p.name}`, 'm:Natanael Copa <ncopa@alpinelinux.org>', `t:${buildTime}`, `c:${fakeHex('apk' + p.name, 40)}`];
    const byDir = new Map<string, string[]>();
    for (const f of p.files) {
      const i = f.lastIndexOf('/');
      byDir.set(f.slice(0, i), [...(byDir.get(f.slice(0, i)) ?? []), f.slice(i + 1)]);
    }
    for (const [d, names] of byDir) {
      lines.push(`F:${d}`);
      for (const n of names) lines.push(`R:${n}`, `Z:Q1${fakeBase64(d + '/' + n, 20).slice(0, 27)}=`);
    }
    return lines.join('\n') + '\n';
  });
  return base.replace(/\n*$/, '\n\n') + stanzas.join('\n') + '\n';
}

/** A user (and its group) added to a Debian-family image's account files. */
export function debUser(user: string, uid: number, home: string, shell = '/usr/sbin/nologin'): Record<string, string | [string, number]> {
  return { 'etc/passwd': debPasswd(false, [`${user}:x:${uid}:${uid}::${home}:${shell}`]), 'etc/group': debGroup(false, [`${user}:x:${uid}:`]) };
}

// ---------------------------------------------------------------------------------
// oraclelinux:8-slim (openjdk's base): merged /usr, bash, GNU coreutils, microdnf, rpm.

const OL_TOOLS = 'arch base64 basename cat chgrp chmod chown cp cut date dd df dirname du echo env expand expr false fold head hostid id ln ls md5sum mkdir mktemp mv nl nproc od paste printenv printf pwd readlink realpath rm rmdir seq sha1sum sha256sum sleep sort split stat tac tail tee touch tr true uname uniq unexpand wc whoami yes grep sed find xargs hostname'.split(' ');

/** An Oracle Linux 8 slim root filesystem (release 8.x) of about `target` bytes. */
export function oracleLinuxTree(key: string, mtime: number, target: number, release: string): Tree {
  const exe: Record<string, [number, string]> = { 'usr/bin/bash': [1150704, 'bash'], 'usr/bin/microdnf': [96560, 'microdnf'], 'usr/bin/rpm': [20264, 'rpm'], 'usr/sbin/ldconfig': [1003664, 'ldconfig'] };
  OL_TOOLS.forEach((n, i) => { exe[`usr/bin/${n}`] = [24000 + ((i * 7919) % 61) * 1500, n]; });
  const osRelease = `NAME="Oracle Linux Server"\nVERSION="${release}"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="${release}"\nPLATFORM_ID="platform:el8"\nPRETTY_NAME="Oracle Linux Server ${release}"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:8:${release.split('.')[1]}:server"\nHOME_URL="https://linux.oracle.com/"\nBUG_REPORT_URL="https://github.com/oracle/oracle-linux"\n\nORACLE_BUGZILLA_PRODUCT="Oracle Linux 8"\nORACLE_BUGZILLA_PRODUCT_VERSION=${release}\nORACLE_SUPPORT_PRODUCT="Oracle Linux"\nORACLE_SUPPORT_PRODUCT_VERSION=${release}\n`;
  return installTree(key, mtime, target, {
    dirs: [['boot'], ['dev'], ['home'], ['media'], ['mnt'], ['opt'], ['proc'], ['run'], ['srv'], ['sys'], ['usr/local/bin'], ['var/cache'], ['var/log'], ['root', { mode: 0o550 }], ['tmp', { mode: 0o1777 }], ['var/tmp', { mode: 0o1777 }]],
    exe,
    link: { bin: 'usr/bin', sbin: 'usr/sbin', lib: 'usr/lib', lib64: 'usr/lib64', 'usr/bin/sh': 'bash', 'etc/redhat-release': 'oracle-release', 'etc/system-release': 'oracle-release', 'etc/os-release': '../usr/lib/os-release', 'var/run': '../run' },
    text: {
      'usr/lib/os-release': osRelease, 'etc/oracle-release': `Oracle Linux Server release ${release}\n`,
      'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n',
      'etc/group': 'root:x:0:\nbin:x:1:\ndaemon:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmem:x:8:\nkmem:x:9:\nwheel:x:10:\ncdrom:x:11:\nmail:x:12:\nman:x:15:\ndialout:x:18:\nfloppy:x:19:\ngames:x:20:\ntape:x:33:\nvideo:x:39:\nftp:x:50:\nlock:x:54:\naudio:x:63:\nusers:x:100:\nnobody:x:65534:\n',
      'etc/dnf/dnf.conf': '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\n',
      'etc/yum.repos.d/oracle-linux-ol8.repo': '[ol8_baseos_latest]\nname=Oracle Linux 8 BaseOS Latest ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL8/baseos/latest/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n\n[ol8_appstream]\nname=Oracle Linux 8 Application Stream ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL8/appstream/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n',
    },
    blob: { 'usr/lib64/libc.so.6': 3_182_296, 'usr/lib64/ld-linux-x86-64.so.2': 1_235_336, 'usr/lib64/libm.so.6': 1_598_928, 'etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem': 223_702, 'etc/pki/ca-trust/extracted/java/cacerts': 160_324 },
    fill: [['usr/lib64', ['libcrypto.so.1.1.1k', 'libssl.so.1.1.1k', 'libstdc++.so.6.0.25', 'libsqlite3.so.0.8.6', 'libglib-2.0.so.0', 'libsolv.so.1', 'libdnf.so.2', 'librpm.so.8', 'libzstd.so.1', 'libxml2.so.2'], '', 90], ['var/lib/rpm', ['Packages', 'Basenames', 'Dirnames', 'Providename', 'Requirename', 'Name', 'Sha1header', 'Sigmd5'], '', 8], ['usr/share/locale', ['en/LC_MESSAGES/coreutils.mo', 'de/LC_MESSAGES/coreutils.mo', 'fr/LC_MESSAGES/bash.mo'], '', 24]],
  });
}

// ---------------------------------------------------------------------------------
// golang

/** The Go toolchain under /usr/local/go (the official tarball, as `COPY /target/ /` lays it out). */
export function goTree(key: string, mtime: number, target: number, version: string, goos: string): Tree {
  const tool = `usr/local/go/pkg/tool/${goos}`;
  const exe: Record<string, [number, string]> = { 'usr/local/go/bin/go': [14_983_864, 'go'], 'usr/local/go/bin/gofmt': [3_213_536, 'gofmt'] };
  for (const [n, size] of [['addr2line', 3_532_000], ['asm', 5_312_000], ['buildid', 2_412_000], ['cgo', 4_955_000], ['compile', 25_603_000], ['covdata', 3_380_000], ['cover', 5_720_000], ['doc', 4_150_000], ['fix', 3_610_000], ['link', 8_530_000], ['nm', 3_470_000], ['objdump', 5_290_000], ['pack', 2_460_000], ['pprof', 13_190_000], ['preprofile', 3_430_000], ['test2json', 2_760_000], ['trace', 12_160_000], ['vet', 8_170_000]] as const) exe[`${tool}/${n}`] = [size, `go-${n}`];
  return installTree(key, mtime, target, {
    exe,
    text: {
      'usr/local/go/VERSION': `go${version}\ntime 2025-07-02T21:47:15Z\n`,
      'usr/local/go/go.env': "# This file contains the initial defaults for go command configuration.\n# Values set by 'go env -w' and written to the user's go/env file override these.\n# The environment overrides everything else.\n\n# Use the Go module mirror and checksum database by default.\n# See https://proxy.golang.org for details.\nGOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\n\n# Automatically download newer toolchains as directed by go.mod files.\n# See https://go.dev/doc/toolchain for details.\nGOTOOLCHAIN=auto\n",
      'usr/local/go/README.md': '# The Go Programming Language\n\nGo is an open source programming language that makes it easy to build simple,\nreliable, and efficient software.\n',
    },
    blob: { 'usr/local/go/LICENSE': 1453, 'usr/local/go/PATENTS': 1303, 'usr/local/go/SECURITY.md': 397, 'usr/local/go/CONTRIBUTING.md': 1339, 'usr/local/go/lib/time/zoneinfo.zip': 406_409, 'usr/local/go/codereview.cfg': 66 },
    fill: [
      ['usr/local/go/src', ['runtime/proc', 'runtime/malloc', 'net/http/server', 'net/http/transport', 'cmd/compile/internal/ssa/rewriteAMD64', 'cmd/go/internal/modload/load', 'crypto/tls/handshake_client', 'encoding/json/decode', 'go/types/expr', 'syscall/zerrors_linux_amd64', 'reflect/value', 'fmt/print', 'os/file', 'sync/mutex', 'strings/builder', 'internal/abi/type'], '.go', 2400],
      ['usr/local/go/test', ['fixedbugs/issue12345', 'typeparam/issue50', 'codegen/arithmetic', 'ken/chan', 'chan/select3', 'escape2'], '.go', 600],
      ['usr/local/go/pkg/include', ['asm_amd64', 'funcdata', 'textflag', 'asm_ppc64x'], '.h', 8],
      ['usr/local/go/api', ['go1', 'go1.1', 'go1.21', 'go1.22', 'go1.23', 'except', 'next/67401'], '.txt', 30],
    ],
  });
}

// ---------------------------------------------------------------------------------
// Java (eclipse-temurin, openjdk)

/** What one JDK/JRE build prints and names. */
export interface JavaBuild { kind: 'jdk' | 'jre'; feature: string; version: string; release: string; date: string; implementor?: string; libc: 'gnu' | 'musl' }

const JDK_BINS = ['jar', 'jarsigner', 'javac', 'javadoc', 'javap', 'jcmd', 'jconsole', 'jdb', 'jdeprscan', 'jdeps', 'jfr', 'jhsdb', 'jimage', 'jinfo', 'jlink', 'jmap', 'jmod', 'jpackage', 'jps', 'jrunscript', 'jshell', 'jstack', 'jstat', 'jstatd', 'jwebserver', 'keytool', 'rmiregistry', 'serialver'];
const JRE_BINS = ['jfr', 'jrunscript', 'jwebserver', 'keytool', 'rmiregistry'];

/** A JDK or JRE under `home` (temurin: /opt/java/openjdk; openjdk: /usr/java/openjdk-N). */
export function javaTree(key: string, mtime: number, target: number, home: string, b: JavaBuild, extra: Install = {}): Tree {
  const h = home.slice(1);
  const exe: Record<string, [number, string]> = { [`${h}/bin/java`]: [12_824, 'java'] };
  for (const n of b.kind === 'jdk' ? JDK_BINS : JRE_BINS) if (n !== 'jrunscript' || Number(b.feature) < 15) exe[`${h}/bin/${n}`] = [12_880 + n.length * 8, n === 'javac' || n === 'jshell' || n === 'jar' ? n : `java-${n}`];
  const release = [
    ...(b.implementor ? [`IMPLEMENTOR="${b.implementor}"`, `IMPLEMENTOR_VERSION="Temurin-${b.release}"`] : ['IMPLEMENTOR="Oracle Corporation"']),
    `JAVA_RUNTIME_VERSION="${b.release}${b.implementor && Number(b.feature) >= 21 ? '-LTS' : ''}"`, `JAVA_VERSION="${b.version}"`, `JAVA_VERSION_DATE="${b.date}"`, `LIBC="${b.libc}"`,
    `MODULES="java.base java.compiler java.datatransfer java.xml java.prefs java.desktop java.instrument java.logging java.management java.security.sasl java.naming java.rmi java.management.rmi java.net.http java.scripting java.security.jgss java.transaction.xa java.sql java.sql.rowset java.xml.crypto java.se jdk.internal.jvmstat jdk.attach jdk.charsets jdk.internal.opt jdk.zipfs jdk.compiler jdk.crypto.ec jdk.crypto.cryptoki jdk.dynalink jdk.internal.ed jdk.editpad jdk.hotspot.agent jdk.httpserver jdk.incubator.vector jdk.internal.le jdk.internal.vm.ci jdk.jartool jdk.javadoc jdk.jcmd jdk.management jdk.management.agent jdk.jconsole jdk.jdeps jdk.jdwp.agent jdk.jdi jdk.jfr jdk.jlink jdk.jpackage jdk.jshell jdk.jsobject jdk.jstatd jdk.localedata jdk.management.jfr jdk.naming.dns jdk.naming.rmi jdk.net jdk.nio.mapmode jdk.random jdk.sctp jdk.security.auth jdk.security.jgss jdk.unsupported jdk.unsupported.desktop jdk.xml.dom"`,
    'OS_ARCH="x86_64"', 'OS_NAME="Linux"', `SOURCE=".:git:${fakeHex(key + 'src', 12)}"`, ...(b.implementor ? [`BUILD_SOURCE="git:${fakeHex(key + 'build', 40)}"`, 'BUILD_SOURCE_REPO="https://github.com/adoptium/temurin-build.git"', `SOURCE_REPO="https://github.com/adoptium/jdk${b.feature}u.git"`, 'FULL_VERSION="' + b.release + '"', `IMAGE_TYPE="${b.kind.toUpperCase()}"`] : []), ''].join('\n');
  return installTree(key, mtime, target, {
    ...extra,
    exe: { ...exe, ...extra.exe },
    text: { [`${h}/release`]: release, ...extra.text },
    blob: { [`${h}/lib/modules`]: b.kind === 'jdk' ? 138_000_000 : 54_000_000, [`${h}/lib/server/libjvm.so`]: 22_900_000, [`${h}/lib/server/classes.jsa`]: 14_286_848, [`${h}/lib/server/classes_nocoops.jsa`]: 14_090_240, [`${h}/lib/security/cacerts`]: 158_000, ...extra.blob },
    fill: [[`${h}/lib`, ['libawt', 'libfontmanager', 'libjava', 'libnet', 'libnio', 'libzip', 'libjli', 'libmanagement', 'libsplashscreen', 'libawt_xawt', 'liblcms', 'libmlib_image', 'libjsound', 'libsaproc', 'libverify'], '.so', 60], ...(b.kind === 'jdk' ? [[`${h}/jmods`, ['java.base', 'java.desktop', 'jdk.compiler', 'jdk.localedata', 'java.xml', 'jdk.internal.vm.ci', 'jdk.jshell', 'java.sql', 'jdk.javadoc', 'jdk.hotspot.agent'], '.jmod', 70] as Fill, [`${h}/include`, ['jni', 'jvmti', 'jawt', 'classfile_constants', 'linux/jni_md', 'linux/jawt_md'], '.h', 6] as Fill] : []), [`${h}/legal`, ['java.base/LICENSE', 'java.base/ASSEMBLY_EXCEPTION', 'java.desktop/mesa3d', 'java.xml/xalan', 'jdk.crypto.ec/ecc'], '.md', 120], ...(extra.fill ?? [])],
  });
}

// ---------------------------------------------------------------------------------
// Ruby

/** A RubyGems binstub, as `gem install` writes it for a gem's executable. */
export function gemStub(gem: string, exe: string): string {
  return `#!/usr/local/bin/ruby\n#\n# This file was generated by RubyGems.\n#\n# The application '${gem}' is installed as part of a gem, and\n# this file is here to facilitate running it.\n#\n\nrequire 'rubygems'\n\nGem.use_gemdeps\n\nversion = ">= 0.a"\n\nstr = ARGV.first\nif str\n  str = str.b[/\\A_(.*)_\\z/, 1]\n  if str and Gem::Version.correct?(str)\n    version = str\n    ARGV.shift\n  end\nend\n\nif Gem.respond_to?(:activate_bin_path)\nload Gem.activate_bin_path('${gem}', '${exe}', version)\nelse\ngem "${gem}", version\nload Gem.bin_path("${gem}", "${exe}", version)\nend\n`;
}

/** /usr/local/bin/gem of Ruby 3.4 (the script `make install` writes). */
export const GEM_SCRIPT = '#!/usr/local/bin/ruby\n# frozen_string_literal: true\n\n#--\n# Copyright 2006 by Chad Fowler, Rich Kilmer, Jim Weirich and others.\n# All rights reserved.\n# See LICENSE.txt for permissions.\n#++\n\nrequire "rubygems"\nrequire "rubygems/gem_runner"\n\nGem::GemRunner.new.run ARGV.clone\n';

/** Ruby under /usr/local: the interpreter, its scripts (gem, bundle, irb … run through it), the standard library and default gems. */
export function rubyTree(key: string, mtime: number, target: number, v: { ruby: string; api: string; rubygems: string; bundler: string; irb: string }, extra: Install = {}): Tree {
  const scripts: Record<string, string | [string, number]> = { 'usr/local/bin/gem': [GEM_SCRIPT, 0o755] };
  for (const [gem, exes] of [['bundler', ['bundle', 'bundler']], ['irb', ['irb']], ['rake', ['rake']], ['rdoc', ['rdoc', 'ri']], ['erb', ['erb']], ['racc', ['racc']], ['rbs', ['rbs']], ['typeprof', ['typeprof']], ['debug', ['rdbg']], ['syntax_suggest', ['syntax_suggest']]] as const) {
    for (const e of exes) scripts[`usr/local/bin/${e}`] = [gemStub(gem, e), 0o755];
  }
  const lib = `usr/local/lib/ruby/${v.api}`;
  const gems = `usr/local/lib/ruby/gems/${v.api}`;
  return installTree(key, mtime, target, {
    ...extra,
    exe: { 'usr/local/bin/ruby': [15_712, 'ruby'], ...extra.exe },
    text: { ...scripts, [`${gems}/specifications/default/bundler-${v.bundler}.gemspec`]: `# -*- encoding: utf-8 -*-\n# stub: bundler ${v.bundler} ruby lib\n\nGem::Specification.new do |s|\n  s.name = "bundler".freeze\n  s.version = "${v.bundler}".freeze\nend\n`, [`${lib}/rubygems.rb`]: `# frozen_string_literal: true\n\nrequire "rbconfig"\n\nmodule Gem\n  VERSION = "${v.rubygems}"\nend\n`, ...extra.text },
    blob: { [`usr/local/lib/libruby.so.${v.ruby}`]: 18_912_856, ...extra.blob },
    link: { [`usr/local/lib/libruby.so.${v.api.replace(/\.0$/, '')}`]: `libruby.so.${v.ruby}`, 'usr/local/lib/libruby.so': `libruby.so.${v.ruby}`, ...extra.link },
    dirs: [[`${gems}/gems`], [`${gems}/extensions/x86_64-linux/${v.api}`], ...(extra.dirs ?? [])],
    fill: [
      [lib, ['net/http', 'json/common', 'rubygems/specification', 'bundler/definition', 'irb/context', 'optparse', 'fileutils', 'set', 'uri/generic', 'prism/node', 'reline/line_editor', 'openssl/ssl', 'psych/visitors/to_ruby', 'yaml/store', 'erb/compiler'], '.rb', 1100],
      [`${lib}/x86_64-linux`, ['openssl', 'psych', 'json/ext/parser', 'zlib', 'socket', 'ripper', 'date_core', 'digest/sha2', 'etc', 'io/console', 'stringio', 'strscan', 'bigdecimal', 'fiddle'], '.so', 60],
      [`${gems}/gems`, [`bundler-${v.bundler}/lib/bundler/cli`, `irb-${v.irb}/lib/irb/ruby-lex`, 'minitest-5.25.4/lib/minitest/assertions', 'test-unit-3.6.7/lib/test/unit/assertions', 'rbs-3.8.0/core/array', 'typeprof-0.30.1/lib/typeprof/core', 'debug-1.10.0/lib/debug/session', 'power_assert-2.0.5/lib/power_assert', 'rake-13.2.1/lib/rake/task', 'rexml-3.4.0/lib/rexml/document', 'net-imap-0.5.8/lib/net/imap'], '.rb', 900],
      ['usr/local/include/ruby-' + v.api, ['ruby/ruby', 'ruby/internal/core/rstring', 'ruby/encoding', 'ruby/io', 'x86_64-linux/ruby/config'], '.h', 120],
      ...(extra.fill ?? []),
    ],
  });
}

// ---------------------------------------------------------------------------------
// PHP and Apache

/** PHP under /usr/local as `make install` lays it out (cli, plus php-fpm or mod_php). */
export function phpTree(key: string, mtime: number, target: number, version: string, api: string, sapi: 'cli' | 'apache' | 'fpm', extra: Install = {}): Tree {
  const ext = `usr/local/lib/php/extensions/no-debug-non-zts-${api}`;
  const exe: Record<string, [number, string]> = { 'usr/local/bin/php': [18_903_776, 'php'] };
  if (sapi === 'fpm') exe['usr/local/sbin/php-fpm'] = [18_961_120, 'php-fpm'];
  const text: Record<string, string | [string, number]> = {
    'usr/local/bin/phpize': [`#! /bin/sh\n\n# Variable declaration\nprefix='/usr/local'\ndatarootdir='/usr/local/php'\nexec_prefix="\`eval echo \${prefix}\`"\nphpdir="\`eval echo \${exec_prefix}/lib/php\`/build"\nincludedir="\`eval echo \${prefix}/include\`/php"\n`, 0o755],
    'usr/local/bin/php-config': [`#! /bin/sh\n\nSED="/usr/bin/sed"\nprefix="/usr/local"\nexec_prefix="\${prefix}"\nversion="${version}"\nvernum="${version.split('.').map((n, i) => (i ? n.padStart(2, '0') : n)).join('')}"\nextension_dir='/${ext}'\n`, 0o755],
    'usr/local/bin/pear': ['#!/bin/sh\n\n# first find which PHP binary to use\nif test "x$PHP_PEAR_PHP_BIN" != "x"; then\n  PHP="$PHP_PEAR_PHP_BIN"\nelse\n  if test "/usr/local/bin/php" = \'@\'php_bin\'@\'; then\n    PHP=php\n  else\n    PHP="/usr/local/bin/php"\n  fi\nfi\n\nexec $PHP -C -q $INCARG -d date.timezone=UTC -d output_buffering=1 -d variables_order=EGPCS -d open_basedir="" -d safe_mode=0 -d register_argc_argv="On" -d auto_prepend_file="" -d auto_append_file="" $INCDIR/pearcmd.php "$@"\n', 0o755],
    'usr/local/bin/pecl': ['#!/bin/sh\n\n# first find which PHP binary to use\nif test "x$PHP_PEAR_PHP_BIN" != "x"; then\n  PHP="$PHP_PEAR_PHP_BIN"\nelse\n  PHP="/usr/local/bin/php"\nfi\n\nexec $PHP -C -n -q $INCARG -d date.timezone=UTC -d output_buffering=1 -d variables_order=EGPCS -d safe_mode=0 -d register_argc_argv="On" $INCDIR/peclcmd.php "$@"\n', 0o755],
    ...(sapi === 'fpm' ? { 'usr/local/etc/php-fpm.conf.default': ';;;;;;;;;;;;;;;;;;;;;\n; FPM Configuration ;\n;;;;;;;;;;;;;;;;;;;;;\n\n[global]\n;pid = run/php-fpm.pid\n;error_log = log/php-fpm.log\n\ninclude=NONE/etc/php-fpm.d/*.conf\n', 'usr/local/etc/php-fpm.d/www.conf.default': '; Start a new pool named \'www\'.\n[www]\nuser = www-data\ngroup = www-data\nlisten = 127.0.0.1:9000\npm = dynamic\npm.max_children = 5\npm.start_servers = 2\npm.min_spare_servers = 1\npm.max_spare_servers = 3\n' } : {}),
    ...extra.text,
  };
  return installTree(key, mtime, target, {
    ...extra,
    exe: { ...exe, ...extra.exe },
    text,
    blob: { 'usr/local/etc/php/php.ini-development': 73_951, 'usr/local/etc/php/php.ini-production': 73_981, [`${ext}/sodium.so`]: 186_840, [`${ext}/opcache.so`]: 1_186_576, ...(sapi === 'apache' ? { 'usr/lib/apache2/modules/libphp.so': 19_834_096 } : {}), ...extra.blob },
    dirs: [['usr/local/etc/php/conf.d'], ...(extra.dirs ?? [])],
    fill: [['usr/local/include/php', ['Zend/zend_API', 'Zend/zend_types', 'main/php', 'main/php_config', 'ext/standard/info', 'ext/pcre/pcre2lib/pcre2', 'sapi/embed/php_embed', 'TSRM/TSRM'], '.h', 320], ['usr/local/lib/php', ['PEAR/Installer', 'PEAR/Downloader', 'Archive/Tar', 'Console/Getopt', 'Structures/Graph', 'XML/Util', 'OS/Guess', 'build/run-tests'], '.php', 160], ...(extra.fill ?? [])],
  });
}

/** Debian's apache2 2.4.65 as php:*-apache installs and prepares it (envvars made overridable, logs to the container's stdout/stderr). */
export function apacheTree(key: string, mtime: number, target: number, pkgs: readonly DebPkg[]): Tree {
  const mods = ['access_compat', 'alias', 'auth_basic', 'authn_core', 'authn_file', 'authz_core', 'authz_host', 'authz_user', 'autoindex', 'deflate', 'dir', 'env', 'filter', 'mime', 'mpm_event', 'negotiation', 'reqtimeout', 'setenvif', 'status'];
  const withConf = new Set(['alias', 'autoindex', 'deflate', 'dir', 'mime', 'mpm_event', 'negotiation', 'reqtimeout', 'setenvif', 'status']);
  const available = [...mods, 'mpm_prefork', 'mpm_worker', 'rewrite', 'expires', 'remoteip', 'headers', 'ssl', 'proxy', 'proxy_fcgi', 'cgi', 'include', 'socache_shmcb', 'userdir', 'info', 'unique_id'];
  const text: Record<string, string | [string, number]> = {
    'etc/apache2/apache2.conf': 'DefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\nTimeout 300\nKeepAlive On\nMaxKeepAliveRequests 100\nKeepAliveTimeout 5\nUser ${APACHE_RUN_USER}\nGroup ${APACHE_RUN_GROUP}\nHostnameLookups Off\nErrorLog ${APACHE_LOG_DIR}/error.log\nLogLevel warn\nIncludeOptional mods-enabled/*.load\nIncludeOptional mods-enabled/*.conf\nInclude ports.conf\n<Directory />\n\tOptions FollowSymLinks\n\tAllowOverride None\n\tRequire all denied\n</Directory>\n<Directory /usr/share>\n\tAllowOverride None\n\tRequire all granted\n</Directory>\n<Directory /var/www/>\n\tOptions Indexes FollowSymLinks\n\tAllowOverride None\n\tRequire all granted\n</Directory>\nAccessFileName .htaccess\n<FilesMatch "^\\.ht">\n\tRequire all denied\n</FilesMatch>\nLogFormat "%v:%p %h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" vhost_combined\nLogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined\nLogFormat "%h %l %u %t \\"%r\\" %>s %O" common\nLogFormat "%{Referer}i -> %U" referer\nLogFormat "%{User-agent}i" agent\nIncludeOptional conf-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n',
    // The Dockerfile's sed turns each `export X=v` into `: ${X:=v}` + `export X`, so the environment can override them.
    'etc/apache2/envvars': '# envvars - default environment variables for apache2ctl\n\n# this won\'t be correct after changing uid\nunset HOME\n\n# for supporting multiple apache2 instances\nif [ "${APACHE_CONFDIR##/etc/apache2-}" != "${APACHE_CONFDIR}" ] ; then\n\tSUFFIX="-${APACHE_CONFDIR##/etc/apache2-}"\nelse\n\tSUFFIX=\nfi\n\n# Since there is no sane way to get the parsed apache2 config in scripts, some\n# settings are defined via environment variables and then used in apache2ctl,\n# /etc/init.d/apache2, /etc/logrotate.d/apache2, etc.\n: ${APACHE_RUN_USER:=www-data}\nexport APACHE_RUN_USER\n: ${APACHE_RUN_GROUP:=www-data}\nexport APACHE_RUN_GROUP\n# temporary state file location. This might be changed to /run in Wheezy+1\n: ${APACHE_PID_FILE:=/var/run/apache2$SUFFIX/apache2.pid}\nexport APACHE_PID_FILE\n: ${APACHE_RUN_DIR:=/var/run/apache2$SUFFIX}\nexport APACHE_RUN_DIR\n: ${APACHE_LOCK_DIR:=/var/lock/apache2$SUFFIX}\nexport APACHE_LOCK_DIR\n# Only /var/log/apache2 is handled by /etc/logrotate.d/apache2.\n: ${APACHE_LOG_DIR:=/var/log/apache2$SUFFIX}\nexport APACHE_LOG_DIR\n\n## The locale used by some modules like mod_dav\n: ${LANG:=C}\nexport LANG\n## Uncomment the following line to use the system default locale instead:\n#. /etc/default/locale\n\nexport LANG\n',
    'etc/apache2/ports.conf': '# If you just change the port or add more ports here, you will likely also\n# have to change the VirtualHost statement in\n# /etc/apache2/sites-enabled/000-default.conf\n\nListen 80\n\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n\n<IfModule mod_gnutls.c>\n\tListen 443\n</IfModule>\n',
    'etc/apache2/sites-available/000-default.conf': '<VirtualHost *:80>\n\t#ServerName www.example.com\n\n\tServerAdmin webmaster@localhost\n\tDocumentRoot /var/www/html\n\n\tErrorLog ${APACHE_LOG_DIR}/error.log\n\tCustomLog ${APACHE_LOG_DIR}/access.log combined\n</VirtualHost>\n',
    'etc/apache2/sites-available/default-ssl.conf': '<VirtualHost *:443>\n\tServerAdmin webmaster@localhost\n\tDocumentRoot /var/www/html\n\tSSLEngine on\n\tSSLCertificateFile /etc/ssl/certs/ssl-cert-snakeoil.pem\n\tSSLCertificateKeyFile /etc/ssl/private/ssl-cert-snakeoil.key\n</VirtualHost>\n',
    'etc/apache2/conf-available/security.conf': 'ServerTokens OS\nServerSignature On\nTraceEnable Off\n',
    'etc/apache2/conf-available/charset.conf': '#AddDefaultCharset UTF-8\n',
    'etc/apache2/conf-available/other-vhosts-access-log.conf': 'CustomLog ${APACHE_LOG_DIR}/other_vhosts_access.log vhost_combined\n',
    'etc/apache2/conf-available/serve-cgi-bin.conf': '<IfModule mod_alias.c>\n\t<IfModule mod_cgi.c>\n\t\tDefine ENABLE_USR_LIB_CGI_BIN\n\t</IfModule>\n</IfModule>\n',
    'etc/apache2/conf-available/localized-error-pages.conf': '# Customizable error responses come in three flavors:\n',
    'usr/sbin/apache2ctl': ['#!/bin/sh\n#\n# Copyright (c) 2000-2002 The Apache Software Foundation.\n# Debian\'s apache2ctl: a wrapper around apache2 that reads /etc/apache2/envvars.\nARGV="$@"\n. ${APACHE_ENVVARS:-/etc/apache2/envvars}\nHTTPD=${APACHE_HTTPD:-/usr/sbin/apache2}\nexec $HTTPD "$@"\n', 0o755],
  };
  const link: Record<string, string> = { 'usr/sbin/apachectl': 'apache2ctl', 'etc/apache2/sites-enabled/000-default.conf': '../sites-available/000-default.conf', 'var/log/apache2/error.log': '/dev/stderr', 'var/log/apache2/access.log': '/dev/stdout', 'var/log/apache2/other_vhosts_access.log': '/dev/stdout' };
  for (const m of available) text[`etc/apache2/mods-available/${m}.load`] = `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so\n`;
  for (const m of mods) {
    link[`etc/apache2/mods-enabled/${m}.load`] = `../mods-available/${m}.load`;
    if (withConf.has(m)) link[`etc/apache2/mods-enabled/${m}.conf`] = `../mods-available/${m}.conf`;
  }
  for (const m of [...withConf, 'mpm_prefork', 'mpm_worker', 'remoteip', 'ssl', 'proxy', 'userdir', 'info']) text[`etc/apache2/mods-available/${m}.conf`] = m === 'mpm_prefork' ? '# prefork MPM\n<IfModule mpm_prefork_module>\n\tStartServers\t\t\t 5\n\tMinSpareServers\t\t  5\n\tMaxSpareServers\t\t 10\n\tMaxRequestWorkers\t  150\n\tMaxConnectionsPerChild   0\n</IfModule>\n' : `<IfModule mod_${m}.c>\n</IfModule>\n`;
  for (const c of ['charset', 'localized-error-pages', 'other-vhosts-access-log', 'security', 'serve-cgi-bin']) link[`etc/apache2/conf-enabled/${c}.conf`] = `../conf-available/${c}.conf`;
  const exe: Record<string, [number, string]> = { 'usr/sbin/apache2': [711_656, 'apache2'], 'usr/bin/htpasswd': [63_896, 'htpasswd'] };
  for (const s of ['a2enmod', 'a2dismod', 'a2enconf', 'a2disconf', 'a2ensite', 'a2dissite', 'a2query']) exe[`usr/sbin/${s}`] = [s === 'a2query' ? 9_374 : 15_212, 'perl-script'];
  const blob: Record<string, number> = {};
  for (const m of available) blob[`usr/lib/apache2/modules/mod_${m}.so`] = 14_560 + m.length * 2_911;
  const www = { uid: 33, gid: 33, mode: 0o1777 };
  return installTree(key, mtime, target, {
    exe, text, link, blob,
    deb: { pkgs },
    dirs: [['run/apache2', www], ['run/apache2/socks', www], ['run/lock/apache2', www], ['var/log/apache2', www], ['var/www/html', { uid: 33, gid: 33, mode: 0o1777 }], ['etc/apache2/conf-enabled'], ['etc/apache2/sites-enabled']],
    fill: [[X, ['libapr-1.so.0.7.2', 'libaprutil-1.so.0.6.3', 'liblua5.3.so.0', 'libbrotlienc.so.1', 'libjansson.so.4', 'libcurl.so.4', 'libxml2.so.2', 'libpcre2-8.so.0'], '', 30], ['usr/share/apache2', ['error/HTTP_NOT_FOUND.html.var', 'error/HTTP_FORBIDDEN.html.var', 'icons/apache_pb.png', 'icons/folder.gif', 'default-site/index.html'], '', 180]],
  });
}
