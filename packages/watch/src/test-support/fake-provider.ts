import {
  type Campaign,
  CampaignkitError,
  type CampaignProvider,
  type CampaignStatus,
} from "@campaignkit/core";

/** A provider whose listing the test writes: campaigns, then optionally an error. */
export interface FakeProvider extends CampaignProvider {
  campaigns: Campaign[];
  /** Thrown after the campaigns are yielded (UNSUPPORTED: a listing cut short). */
  failWith?: CampaignkitError;
  lists: number;
}

export const fakeCampaign = (
  vendor: string,
  id: string,
  status: CampaignStatus = "active",
  name = `Campaign ${id}`,
): Campaign => ({ vendor, id, name, status, raw: { id } });

export function fakeProvider(vendor: string, campaigns: Campaign[] = []): FakeProvider {
  const unused = () => Promise.reject(new Error("not used by the watcher"));
  const provider: FakeProvider = {
    vendor,
    capabilities: {} as CampaignProvider["capabilities"],
    campaigns,
    lists: 0,
    getCampaign: unused,
    updateCampaign: unused,
    pauseCampaign: unused,
    resumeCampaign: unused,
    planUpdate: unused,
    async *listCampaigns() {
      provider.lists += 1;
      const { failWith } = provider;
      yield* structuredClone(provider.campaigns);
      if (failWith) throw failWith;
    },
  };
  return provider;
}

export const unsupported = (vendor: string) =>
  new CampaignkitError({ code: "UNSUPPORTED", vendor, message: `${vendor}: cannot page further` });
