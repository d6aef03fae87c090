// Generated from specs/altur.openapi.yaml by scripts/write-vendor-descriptor.mjs. Do not edit by hand.
import type { VendorExtensionSpec } from "@campaignkit/core";
import type { operations } from "./altur-api.js";

/**
 * The documented writable fields of Altur's `updateCampaign` that the normalized patch
 * does not cover, settable as `patch.vendor.altur`: `description`, `message_limit`, `first_message`, `template`, `template_alt`, `cycles`.
 */
export type AlturPatchExtension = Partial<Pick<NonNullable<operations["updateCampaign"]["requestBody"]>["content"]["application/json"], "description" | "message_limit" | "first_message" | "template" | "template_alt" | "cycles">>;

/** Where `patch.vendor.altur` goes (`updateCampaign`), and each field's rules from the spec. */
export const alturExtension = {
  "operationId": "updateCampaign",
  "fields": {
    "description": {
      "schema": {
        "type": "string"
      },
      "readBack": false
    },
    "message_limit": {
      "schema": {
        "type": "integer",
        "minimum": 1,
        "maximum": 10000
      },
      "readBack": false
    },
    "first_message": {
      "schema": {
        "type": "string"
      },
      "readBack": false
    },
    "template": {
      "schema": {
        "type": "string"
      },
      "readBack": false
    },
    "template_alt": {
      "schema": {
        "type": "string"
      },
      "readBack": false
    },
    "cycles": {
      "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "max_iterations": {
            "type": "integer"
          },
          "cooldown_minutes": {
            "type": "integer"
          },
          "filter_statuses": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "filter_tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "schedule": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "mon": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startTime": {
                    "type": "string"
                  },
                  "stopTime": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              },
              "tue": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startTime": {
                    "type": "string"
                  },
                  "stopTime": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              },
              "wed": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startTime": {
                    "type": "string"
                  },
                  "stopTime": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              },
              "thu": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startTime": {
                    "type": "string"
                  },
                  "stopTime": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              },
              "fri": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startTime": {
                    "type": "string"
                  },
                  "stopTime": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              },
              "sat": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startTime": {
                    "type": "string"
                  },
                  "stopTime": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              },
              "sun": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "startTime": {
                    "type": "string"
                  },
                  "stopTime": {
                    "type": "string"
                  },
                  "active": {
                    "type": "boolean"
                  }
                }
              }
            }
          },
          "schedule_start_date": {
            "type": "string",
            "format": "date"
          },
          "schedule_end_date": {
            "type": "string",
            "format": "date"
          }
        }
      },
      "readBack": true
    }
  },
  "immutable": [
    "agent_id",
    "integration_id",
    "integration_type",
    "cycles.enabled",
    "cycles.mode"
  ]
} as const satisfies VendorExtensionSpec;
