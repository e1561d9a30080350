import type { Backend } from '../../electron/backend/backend';
import type { Analyst } from '../../shared/contract';

/** Put `name` on the team list (active) and act as them on this workstation from now on. */
export function actAs(backend: Backend, name: string): Analyst {
  const analyst = backend.call('analystsSave', { name, active: true }).find((a) => a.name === name);
  if (!analyst) throw new Error(`${name} was not added to the analyst list`);
  return backend.call('analystsSetActing', { uid: analyst.uid });
}
