/**
 * Docker Hub's metadata for the repositories of the practice Hub: the short
 * description the Hub shows and `docker search` prints, a star count, and
 * whether it is a Docker Official Image. Descriptions are the Hub's own
 * (2025); star counts are rounded figures of the same time, not live ones.
 *
 * `docker search` lists an entry only when the catalog holds images of its
 * repository (hubSearch below), so an entry written ahead of its images (a
 * repository another part of the work adds) does not promise a pull that fails;
 * test/registry/hub-index.test.ts checks every catalog repository has an entry.
 */
import { CATALOG } from './catalog.ts';

/** One repository as Docker Hub's search describes it. */
export interface HubEntry {
  /** 'library/nginx' for official images, 'owner/name' otherwise. */
  repository: string;
  description: string;
  stars: number;
  official: boolean;
}

const official = (name: string, stars: number, description: string): HubEntry => ({ repository: `library/${name}`, description, stars, official: true });

/** Every repository the practice Hub describes. */
export const HUB_INDEX: readonly HubEntry[] = [
  official('alpine', 11_400, 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!'),
  official('busybox', 3_400, 'Busybox base image.'),
  official('debian', 5_200, "Debian is a Linux distribution that's composed entirely of free and open-source software."),
  official('docker', 5_100, 'Docker in Docker!'),
  official('eclipse-temurin', 700, 'Official Images for OpenJDK binaries built by Eclipse Temurin.'),
  official('golang', 5_000, 'Go (golang) is a general purpose, higher-level, imperative programming language.'),
  official('haproxy', 2_000, 'HAProxy - The Reliable, High Performance TCP/HTTP Load Balancer'),
  official('hello-world', 2_500, 'Hello World! (an example of minimal Dockerization)'),
  official('httpd', 4_900, 'The Apache HTTP Server Project'),
  official('mariadb', 6_000, 'MariaDB Server is a high performing open source relational database, forked from MySQL.'),
  official('memcached', 2_400, 'Free & open source, high-performance, distributed memory object caching system.'),
  official('mongo', 10_500, 'MongoDB document databases provide high availability and easy scalability.'),
  official('mysql', 15_900, 'MySQL is a widely used, open-source relational database management system (RDBMS).'),
  official('nginx', 20_800, 'Official build of Nginx.'),
  official('node', 13_900, 'Node.js is a JavaScript-based platform for server-side and networking applications.'),
  official('openjdk', 4_100, 'Pre-release / non-production builds of OpenJDK'),
  official('php', 7_800, 'While designed for web development, the PHP scripting language also provides general-purpose use.'),
  official('postgres', 14_200, 'The PostgreSQL object-relational database system provides reliability and data integrity.'),
  official('python', 10_000, 'Python is an interpreted, interactive, object-oriented, open-source programming language.'),
  official('rabbitmq', 5_200, 'RabbitMQ is an open source multi-protocol messaging broker.'),
  official('redis', 13_100, 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.'),
  official('registry', 4_300, 'Distribution implementation for storing and distributing of container images and artifacts'),
  official('ruby', 2_400, 'Ruby is a dynamic, reflective, object-oriented, general-purpose, open-source programming language.'),
  official('rust', 1_000, 'Rust is a systems programming language focused on safety, speed, and concurrency.'),
  official('traefik', 3_400, 'Traefik, The Cloud Native Edge Router'),
  official('ubuntu', 17_500, 'Ubuntu is a Debian-based Linux operating system based on free software.'),
  official('wordpress', 5_800, 'The WordPress rich content management system can utilize plugins, widgets, and themes.'),
];

/** One search result as the Hub's /v1/search returns it (moby registry.SearchResult). */
export interface HubSearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  /** Deprecated by Docker Hub; the daemon forces it to false. */
  is_automated: false;
}

/** The repositories the practice Hub holds images of ('library/nginx', …), in catalog order. */
export function heldRepositories(): string[] {
  return [...new Set(CATALOG.map((i) => i.repository))];
}

/**
 * Docker Hub's search as the practice Hub answers it: repositories it holds
 * whose name or description contains `term` (case-insensitive), most relevant
 * first (the exact name, then names containing the term, then descriptions;
 * each by stars), at most `limit`. `term` is the remote name the daemon sends
 * (`library/` already stripped).
 */
export function hubSearch(term: string, limit: number): HubSearchResult[] {
  const held = new Set(heldRepositories());
  const q = term.toLowerCase();
  const rank = (e: HubEntry): number => {
    const name = shortName(e.repository).toLowerCase();
    if (name === q || e.repository.toLowerCase() === q) return 0;
    if (name.includes(q)) return 1;
    return e.description.toLowerCase().includes(q) ? 2 : 3;
  };
  return HUB_INDEX.filter((e) => held.has(e.repository) && rank(e) < 3)
    .sort((a, b) => rank(a) - rank(b) || b.stars - a.stars)
    .slice(0, limit)
    .map((e) => ({ name: shortName(e.repository), description: e.description, star_count: e.stars, is_official: e.official, is_automated: false }));
}

/** 'library/nginx' → 'nginx', as Docker Hub names official images in search results. */
function shortName(repository: string): string {
  return repository.startsWith('library/') ? repository.slice('library/'.length) : repository;
}
