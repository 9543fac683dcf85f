-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row, and the triggers that bump it: one statement-level bump per write statement to
-- a table answers are made of, in the writer's transaction (an import of 5,000 rows bumps once
-- per batch, and a rolled-back import not at all).
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CoverageSnapshot_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CoverageSnapshot" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "AwardCeremony_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AwardCeremony" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Award_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Award" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Company_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Company" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ContributionRule_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ContributionRule" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "KnowledgeEntry_data_version" AFTER INSERT OR UPDATE OR DELETE ON "KnowledgeEntry" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "RegionAlias_data_version" AFTER INSERT OR UPDATE OR DELETE ON "RegionAlias" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Region_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Region" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
