/**
 * The campaigns the Velip simulator starts with: built from the documented response examples
 * of its spec, with the docs' placeholders replaced by plausible values of the same type, plus
 * `extra` generated campaigns whose ids follow on.
 */
import { pick } from "./seed-values.js";
import type { JsonObject } from "./spec/load-spec.js";

/** Campaign 987654 of the documented ChangeCampaign example, before the documented change. */
function velipCampaign(overrides: JsonObject): JsonObject {
  return {
    cp_id: 987654,
    cp_name: "Welcome 2026",
    cp_ctid: "null",
    "cp_active ": "1",
    "cp_ontime ": "0",
    cp_date_start: "2026-05-08",
    cp_date_end: "2026-05-08",
    cp_time_start: "09:00",
    cp_time_end: "18:00",
    cp_destinations: 4500,
    cp_lig_min: "max",
    cp_pas: "null",
    cp_made: 1230,
    cp_answered: 870,
    cp_transfered: "null",
    cp_model: 0,
    ...overrides,
  };
}

const VELIP_NAMES = ["Pesquisa de satisfação", "Renovação de contrato", "Lembrete de pagamento"];

export function seedVelip(extra: number): JsonObject[] {
  const seeded = [
    velipCampaign({}),
    // The quirks of vendor-notes: "cp_active " "2" (contacts loading), numbers as strings,
    // the newer list fields.
    velipCampaign({
      cp_id: 987655,
      cp_name: "Reativação Maio",
      cp_ctid: 15,
      "cp_active ": "2",
      cp_date_start: "2026-05-11",
      cp_date_end: "2026-05-29",
      cp_time_start: "08:30",
      cp_time_end: "17:30",
      cp_destinations: "3",
      cp_lig_min: "30",
      cp_pas: 2,
      cp_made: "0",
      cp_answered: "0",
      cp_transfered: 0,
      cp_max_answered: "0",
      "cp_group ": "Vendas",
      cp_group_id: 3,
    }),
    velipCampaign({
      cp_id: 987653,
      cp_name: "Cobrança Abril",
      "cp_active ": "0",
      cp_date_start: "2026-04-01",
      cp_date_end: "2026-04-30",
      cp_time_start: "10:00",
      cp_time_end: "19:00",
      cp_destinations: 1200,
      cp_lig_min: 20,
      cp_pas: 1,
      cp_made: 1200,
      cp_answered: 640,
      cp_transfered: 85,
    }),
  ];
  for (let i = 1; i <= extra; i++) {
    seeded.push(
      velipCampaign({
        cp_id: 987655 + i,
        cp_name: `${pick(VELIP_NAMES, i)} ${i}`,
        "cp_active ": i % 2 === 0 ? "0" : "1",
        cp_destinations: 100 * i,
        cp_lig_min: i % 3 === 0 ? "max" : 10 + i,
        cp_made: 0,
        cp_answered: 0,
      }),
    );
  }
  return seeded;
}
