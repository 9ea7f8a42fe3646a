/** Volume and network routes: list, create, inspect, remove, prune, connect, disconnect. */
import { asContainer } from '../../engine/containers/record.ts';
import type { Attached } from '../../engine/network/endpoints.ts';
import { connectNetwork, createNetwork, disconnectNetwork, inspectNetwork, listNetworks, pruneNetworks, removeNetwork, type NetworkCreateRequest } from '../../engine/network/operations.ts';
import { createVolume, inspectVolume, listVolumes, pruneVolumes, removeVolume, volumeJson } from '../../engine/volumes/volumes.ts';
import { readJson } from '../body.ts';
import { badRequest, boolParam, sendEmpty, sendJson } from '../respond.ts';
import type { Router } from '../router.ts';
import { filtersParam } from './params.ts';

/** Declares the volume routes. */
export function volumeRoutes(r: Router): void {
  r.add('GET', '/volumes', async ({ res, query, lab }) => {
    sendJson(res!, 200, { Volumes: listVolumes(lab.engine.state, filtersParam(query)).map(volumeJson), Warnings: null });
  });
  r.add('POST', '/volumes/create', async ({ req, res, lab }) => {
    const body = await readJson(req, { emptyOk: true });
    const e = lab.engine;
    const v = await e.transact((d) =>
      createVolume(d, { name: typeof body.Name === 'string' ? body.Name : '', driver: typeof body.Driver === 'string' ? body.Driver : 'local', labels: (body.Labels as Record<string, string> | null) ?? {} }, e.now(), e.random),
    );
    lab.events.emit('volume', 'create', v.name, { driver: 'local' });
    sendJson(res!, 201, volumeJson(v));
  });
  r.add('POST', '/volumes/prune', async ({ res, query, lab }) => {
    const report = await lab.engine.transact((d) => pruneVolumes(d, filtersParam(query), (v) => v.size));
    for (const name of report.VolumesDeleted ?? []) {
      lab.containers.volumes.drop(name);
      lab.events.emit('volume', 'destroy', name, {});
    }
    sendJson(res!, 200, report);
  });
  r.add('GET', '/volumes/{name}', async ({ res, params, lab }) => sendJson(res!, 200, inspectVolume(lab.engine.state, params.name!)));
  r.add('DELETE', '/volumes/{name}', async ({ res, params, query, lab }) => {
    await lab.engine.transact((d) => removeVolume(d, params.name!, boolParam(query, 'force')));
    lab.containers.volumes.drop(params.name!);
    lab.events.emit('volume', 'destroy', params.name!, {});
    sendEmpty(res!);
  });
}

/** Declares the network routes. */
export function networkRoutes(r: Router): void {
  r.add('GET', '/networks', async ({ res, query, lab }) => sendJson(res!, 200, listNetworks(lab.engine.state, filtersParam(query))));
  r.add('POST', '/networks/create', async ({ req, res, lab }) => {
    const body = await readJson(req);
    if (typeof body.Name !== 'string' || body.Name === '') throw badRequest('network name must not be empty');
    const ipam = (body.IPAM as { Config?: Array<{ Subnet?: string; Gateway?: string }> } | undefined)?.Config?.[0];
    const request: NetworkCreateRequest = {
      Name: body.Name,
      ...(typeof body.Driver === 'string' && body.Driver ? { Driver: body.Driver } : {}),
      ...(body.Internal === true ? { Internal: true } : {}),
      ...(body.Attachable === true ? { Attachable: true } : {}),
      ...(body.Labels ? { Labels: body.Labels as Record<string, string> } : {}),
      ...(ipam?.Subnet ? { Subnet: ipam.Subnet } : {}),
      ...(ipam?.Gateway ? { Gateway: ipam.Gateway } : {}),
    };
    const e = lab.engine;
    const id = await e.transact((d) => createNetwork(d, request, e.now(), e.random));
    lab.events.emit('network', 'create', id, { name: request.Name, type: request.Driver ?? 'bridge' });
    sendJson(res!, 201, { Id: id, Warning: '' });
  });
  r.add('POST', '/networks/prune', async ({ res, query, lab }) => {
    const removed = await lab.engine.transact((d) => pruneNetworks(d, filtersParam(query)));
    sendJson(res!, 200, { NetworksDeleted: removed.length > 0 ? removed : null });
  });
  r.add('GET', '/networks/{id}', async ({ res, params, lab }) => sendJson(res!, 200, inspectNetwork(lab.engine.state, params.id!)));
  r.add('DELETE', '/networks/{id}', async ({ res, params, lab }) => {
    const id = await lab.engine.transact((d) => removeNetwork(d, params.id!));
    lab.events.emit('network', 'destroy', id, {});
    sendEmpty(res!);
  });
  const connection = (connect: boolean) =>
    (async ({ req, res, params, lab }) => {
      const body = await readJson(req);
      const ref = typeof body.Container === 'string' ? body.Container : '';
      const aliases = ((body.EndpointConfig as { Aliases?: string[] } | undefined)?.Aliases ?? []).map(String);
      const id = lab.containers.get(ref).id;
      await lab.engine.transact((d) => {
        const c = asContainer(d.containers.get(id)!) as unknown as Attached;
        if (connect) connectNetwork(d, params.id!, c, aliases, lab.engine.random);
        else disconnectNetwork(d, params.id!, c);
      });
      lab.events.emit('network', connect ? 'connect' : 'disconnect', params.id!, { container: id });
      sendEmpty(res!, 200);
    }) satisfies Parameters<Router['add']>[2];
  r.add('POST', '/networks/{id}/connect', connection(true));
  r.add('POST', '/networks/{id}/disconnect', connection(false));
}
