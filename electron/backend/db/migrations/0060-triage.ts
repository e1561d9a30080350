import type { Migration } from '../migration';

/** The analysts' own layer over a notification: triage, industries, Chinese translation. */
export const migration0060: Migration = {
  version: 60,
  name: 'triage',
  up(db) {
    db.exec(`
      CREATE TABLE industries (
        code     TEXT PRIMARY KEY,
        name_zh  TEXT NOT NULL,
        name_en  TEXT NOT NULL
      ) STRICT;
      INSERT INTO industries (code, name_zh, name_en) VALUES
        ('ev', '电动汽车', 'Electric vehicles'),
        ('lithium-battery', '锂电池', 'Lithium-ion batteries'),
        ('photovoltaic', '光伏', 'Solar cells and modules'),
        ('automotive', '汽车及装备', 'Automotive equipment'),
        ('cross-border-ecommerce', '跨境电商', 'Cross-border e-commerce'),
        ('bulk-energy', '大宗能源', 'Bulk energy'),
        ('household-appliances', '家用电器', 'Household appliances'),
        ('chemicals', '化工', 'Chemicals and fertilizers'),
        ('food-agriculture', '食品农产品', 'Food and agricultural products'),
        ('aquatic-products', '水产品', 'Aquatic products'),
        ('textiles', '纺织服装', 'Textiles and clothing'),
        ('machinery-electronics', '机电产品', 'Machinery and electronics');

      CREATE TABLE notification_triage (
        notification_id  INTEGER PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
        status           TEXT NOT NULL DEFAULT 'new'
                           CHECK (status IN ('new', 'screening', 'assessing', 'commented', 'closed')),
        relevance        TEXT CHECK (relevance IN ('high', 'medium', 'low', 'none')),
        assignee         TEXT,
        notes            TEXT NOT NULL DEFAULT '',
        updated_at       TEXT NOT NULL,
        updated_by       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX triage_status ON notification_triage (status);
      CREATE INDEX triage_relevance ON notification_triage (relevance);
      CREATE INDEX triage_assignee ON notification_triage (assignee);

      CREATE TABLE notification_industries (
        notification_id  INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        industry         TEXT NOT NULL REFERENCES industries(code),
        PRIMARY KEY (notification_id, industry)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX notification_industries_industry ON notification_industries (industry, notification_id);

      CREATE TABLE notification_translations (
        notification_id  INTEGER PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
        title_zh         TEXT NOT NULL DEFAULT '',
        description_zh   TEXT NOT NULL DEFAULT '',
        translator       TEXT,
        status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewed', 'final')),
        updated_at       TEXT NOT NULL
      ) STRICT;
    `);
  },
};
