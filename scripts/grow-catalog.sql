-- Benchmark only: copies every plan 77 times (with texts and prices) to see how the catalog
-- behaves when a storefront sells thousands of plans.
CREATE TEMP TABLE copies AS
    SELECT p.id AS old_id, gen_random_uuid() AS new_id, g
    FROM plans p, generate_series(1, 77) g;

INSERT INTO plans (id, storefront_id, slug, destination_code, data_mb, fair_use_daily_mb, throttle_kbps,
                   voice_minutes, sms_count, validity_days, billing_period, kind, max_lines, can_top_up,
                   validity_starts, max_generation, hotspot_allowed)
SELECT c.new_id, p.storefront_id, p.slug || '-v' || c.g, p.destination_code, p.data_mb, p.fair_use_daily_mb,
       p.throttle_kbps, p.voice_minutes, p.sms_count, p.validity_days, p.billing_period, p.kind, p.max_lines,
       p.can_top_up, p.validity_starts, p.max_generation, p.hotspot_allowed
FROM copies c JOIN plans p ON p.id = c.old_id;

INSERT INTO plan_texts (plan_id, language, name, description)
SELECT c.new_id, t.language, t.name || ' #' || c.g, t.description FROM copies c JOIN plan_texts t ON t.plan_id = c.old_id;

INSERT INTO plan_prices (plan_id, currency, amount_minor)
SELECT c.new_id, pr.currency, pr.amount_minor + c.g FROM copies c JOIN plan_prices pr ON pr.plan_id = c.old_id;

INSERT INTO plan_networks (plan_id, country_code, operator, generation)
SELECT c.new_id, n.country_code, n.operator, n.generation FROM copies c JOIN plan_networks n ON n.plan_id = c.old_id;

ANALYZE;
