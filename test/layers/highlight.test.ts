/**
 * What a lesson's highlight() names in a real lab's view: images by tag or
 * ID, a layer by index or digest, a container, the layers images share.
 * And the arrow-key geometry of the picture, and the instruction labels.
 */
import { describe, expect, it } from 'vitest';
import { HELLO, viewSession } from './helpers.ts';
import { findImage, resolveHighlight } from '../../src/lib/layer-highlight.ts';
import { nearestInDirection } from '../../src/lib/spatial-nav.ts';
import { instructionLabel } from '../../worker/layers/labels.ts';

const sets = (h: ReturnType<typeof resolveHighlight>) => ({ images: [...h.images], layers: [...h.layers], containers: [...h.containers] });

describe('highlight targets', () => {
  it('resolve against the view of alpine, hello:v0.1 and a container', async () => {
    const s = await viewSession();
    await s.run(...HELLO, 'docker build -t hello:v0.1 .', 'docker run --name web alpine true');
    const v = await s.view();
    const alpine = await s.id('alpine');
    const hello = await s.id('hello:v0.1');
    const [base, run] = v.images[hello]!.layers;
    const c = Object.keys(v.containers)[0]!;
    expect(sets(resolveHighlight(v, { shared: ['alpine', 'hello:v0.1'] }))).toEqual({ images: [alpine, hello], layers: [base], containers: [] });
    expect(sets(resolveHighlight(v, { image: 'docker.io/library/hello:v0.1' }))).toEqual({ images: [hello], layers: [], containers: [] });
    expect(sets(resolveHighlight(v, { image: hello.slice(7, 19) }))).toEqual({ images: [hello], layers: [], containers: [] });
    expect(sets(resolveHighlight(v, { layer: 1, of: 'hello:v0.1' }))).toEqual({ images: [], layers: [run], containers: [] });
    expect(sets(resolveHighlight(v, { layer: v.layers[run!]!.diffId.slice(0, 20) }))).toEqual({ images: [], layers: [run], containers: [] });
    expect(sets(resolveHighlight(v, { container: 'web' }))).toEqual({ images: [], layers: [], containers: [c] });
    expect(sets(resolveHighlight(v, { shared: ['alpine', 'nope'] }))).toEqual({ images: [], layers: [], containers: [] });
    expect([findImage(v, 'alpine:latest'), findImage(v, 'hello'), findImage(v, 'abc')]).toEqual([alpine, undefined, undefined]);
  });
});

describe('arrow keys in the picture', () => {
  // A shared base under two stacks, and the layers of each stack above it.
  const base = { left: 0, top: 100, right: 400, bottom: 120 };
  const leftLayer = { left: 0, top: 78, right: 190, bottom: 98 };
  const rightLayer = { left: 210, top: 78, right: 400, bottom: 98 };
  const rightCap = { left: 210, top: 40, right: 400, bottom: 76 };
  const boxes = [base, leftLayer, rightLayer, rightCap];
  it('move up a stack, across to the neighbour in the same row, and down to the shared layer', () => {
    expect(nearestInDirection(rightLayer, boxes, 'up')).toBe(3);
    expect(nearestInDirection(rightLayer, boxes, 'left')).toBe(1);
    expect(nearestInDirection(leftLayer, boxes, 'right')).toBe(2);
    expect(nearestInDirection(rightLayer, boxes, 'down')).toBe(0);
    expect(nearestInDirection(base, boxes, 'down')).toBe(-1);
    expect(nearestInDirection(rightCap, boxes, 'up')).toBe(-1);
  });
});

describe('instruction labels', () => {
  it('show each builder\'s created_by as its Dockerfile line', () => {
    expect(
      [
        'RUN /bin/sh -c apk add nodejs # buildkit',
        'COPY . /app # buildkit',
        '/bin/sh -c #(nop)  CMD ["node" "index.js"]',
        '/bin/sh -c #(nop) COPY dir:0b6e1c0a1c9a2f in /app ',
        '/bin/sh -c apk update && apk add nodejs',
        '|1 VERSION=2 /bin/sh -c echo $VERSION',
        'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit',
      ].map(instructionLabel),
    ).toEqual(['RUN apk add nodejs', 'COPY . /app', 'CMD ["node" "index.js"]', 'COPY dir:0b6e1c0a1c9a2f in /app', 'RUN apk update && apk add nodejs', 'RUN echo $VERSION', 'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz /']);
  });
});
