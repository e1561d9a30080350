import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/domain/clock';
import { creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import type { Actor } from '../analysts/analysts';
import { newRecordStamp } from '../db/record-identity';

interface DemoEnterprise {
  name: string;
  /** The first 17 characters; the check character is computed (GB 32100), so every code is valid. */
  codeStem: string;
  province: string;
  city: string;
  industry: string;
  contact: { person: string; phone: string; email: string };
  /** HS code, market, annual exports in USD (null: not given, customs figures stand in). */
  lines: Array<[hsCode: string, market: string, usd: number | null]>;
}

/**
 * Fictitious exporters for the demo, one per published case of the base, so that the demo
 * notifications raise warnings at once. Names carry the demo mark; the codes are made up (with
 * valid check characters) and belong to no real enterprise.
 */
const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    name: '【示例】闽东锂能科技有限公司',
    codeStem: '91350900MA2D9E001',
    province: '福建省',
    city: '宁德市',
    industry: '锂电池',
    contact: { person: '陈工', phone: '0593-0000001', email: 'export@example.com' },
    lines: [
      ['850760', 'SAU', 8_500_000],
      ['850760', 'ARE', 3_200_000],
    ],
  },
  {
    name: '【示例】琴岛家电股份有限公司',
    codeStem: '91370200MA3C4F002',
    province: '山东省',
    city: '青岛市',
    industry: '家用电器',
    contact: { person: '刘经理', phone: '0532-0000002', email: 'trade@example.com' },
    lines: [
      ['841810', 'SAU', 12_000_000],
      ['841821', 'KWT', 1_500_000],
    ],
  },
  {
    name: '【示例】滇中化肥有限公司',
    codeStem: '91530100MA6K7L003',
    province: '云南省',
    city: '昆明市',
    industry: '化肥',
    contact: { person: '杨主任', phone: '0871-0000003', email: 'sales@example.com' },
    lines: [['310520', 'TUR', 2_400_000]],
  },
  {
    name: '【示例】舟山海味水产食品有限公司',
    codeStem: '91330900MA2H8N004',
    province: '浙江省',
    city: '舟山市',
    industry: '水产品',
    contact: { person: '王科长', phone: '0580-0000004', email: 'seafood@example.com' },
    lines: [
      ['030389', 'RUS', 1_800_000],
      ['030389', 'KAZ', 600_000],
    ],
  },
  {
    name: '【示例】燕赵蓄电池有限公司',
    codeStem: '91130600MA0P5R005',
    province: '河北省',
    city: '保定市',
    industry: '铅酸蓄电池',
    contact: { person: '赵工', phone: '0312-0000005', email: 'battery@example.com' },
    lines: [['850710', 'SAU', 4_000_000]],
  },
  {
    name: '【示例】鹏城新能源汽车有限公司',
    codeStem: '91440300MA5T6U006',
    province: '广东省',
    city: '深圳市',
    industry: '电动汽车',
    contact: { person: '李经理', phone: '0755-0000006', email: 'ev@example.com' },
    lines: [
      ['870380', 'ARE', 20_000_000],
      ['870380', 'KWT', null],
    ],
  },
];

/** Put the demo enterprises into the registry (inside the demo's transaction). Returns how many. */
export function loadDemoEnterprises(db: Database, actor: Actor, clock: Clock): number {
  const enterprise = db.prepare(
    `INSERT INTO enterprises (uid, created_at, created_by, updated_at, updated_by, name, credit_code, province, city, industry, contacts, notes)
     VALUES (@uid, @created_at, @created_by, @updated_at, @updated_by, @name, @code, @province, @city, @industry, @contacts, @notes)`,
  );
  const line = db.prepare(
    `INSERT INTO enterprise_exposure (uid, created_at, created_by, updated_at, updated_by, enterprise_uid, hs_code, market, annual_export_usd)
     VALUES (@uid, @created_at, @created_by, @updated_at, @updated_by, @enterprise, @hs, @market, @usd)`,
  );
  for (const e of DEMO_ENTERPRISES) {
    const stamp = newRecordStamp(actor, clock);
    enterprise.run({
      ...stamp,
      name: e.name,
      code: e.codeStem + creditCodeCheckCharacter(e.codeStem),
      province: e.province,
      city: e.city,
      industry: e.industry,
      contacts: JSON.stringify([e.contact]),
      notes: '示例数据 Demo：虚构企业，用于演示风险预警。',
    });
    for (const [hs, market, usd] of e.lines) line.run({ ...newRecordStamp(actor, clock), enterprise: stamp.uid, hs, market, usd });
  }
  return DEMO_ENTERPRISES.length;
}
