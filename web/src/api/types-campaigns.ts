/**
 * The shapes of the campaigns API's answers that the pages read (see /docs for all of them): from the types
 * generated from the API's schemas (./generated/).
 */
import type {
  GetCampaigns,
  GetCampaignsById,
  GetCampaignsByIdContacts,
  GetCampaignsByIdEvaluate,
  GetCampaignsFields,
  PostCampaigns,
  PostCampaignsPlan,
} from './generated/index.js';

export type Estimate = CampaignEvaluation['summary']['incremental_revenue'];

/** A stored campaign, as the API answers it. */
export type Campaign = GetCampaignsById['campaign'];

export type WindowStatus = CampaignDetail['window_status'];

/** How the evaluation window was chosen (the API's codes). */
export type WindowBasis = CampaignEvaluation['window']['basis'];

export type CampaignListing = CampaignList['campaigns'][number];

export type CampaignList = GetCampaigns;

export type SelectionField = SelectionFields['fields'][number];

export type SelectionFields = GetCampaignsFields;

export type CampaignPlan = PostCampaignsPlan;

export type Stratum = CampaignCreated['strata'][number];

export type CampaignCreated = PostCampaigns;

export type CampaignDetail = GetCampaignsById;

export type ResultRow = GetCampaignsByIdEvaluate['results'][number];

export type TransitionRow = GetCampaignsByIdEvaluate['moves'][number];

export type CampaignEvaluation = GetCampaignsByIdEvaluate;

export type ContactsPage = GetCampaignsByIdContacts;
