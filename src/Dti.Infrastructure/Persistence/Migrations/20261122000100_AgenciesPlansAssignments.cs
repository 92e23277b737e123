using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dti.Infrastructure.Persistence.Migrations;

/// <summary>
/// Agencies (with succession), plans with their targets and solution groups, tasks with progress and holder
/// history, and index assignments with cooperators and history. Hand-written and provider-neutral like
/// <see cref="FrameworkCatalog"/>.
/// </summary>
[DbContext(typeof(DtiDbContext))]
[Migration("20261122000100_AgenciesPlansAssignments")]
public sealed class AgenciesPlansAssignments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Agencies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 13, nullable: false),
                FullName = table.Column<string>(maxLength: 300, nullable: false),
                ShortName = table.Column<string>(maxLength: 100, nullable: false),
                SearchName = table.Column<string>(maxLength: 401, nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
                SuccessorId = table.Column<Guid>(nullable: true),
                SuccessionReason = table.Column<string>(maxLength: 20, nullable: true),
                SuccessionNote = table.Column<string>(maxLength: 1000, nullable: true),
                IsSample = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agencies", x => x.Id);
                table.ForeignKey("FK_Agencies_Agencies_ParentId", x => x.ParentId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Agencies_Agencies_SuccessorId", x => x.SuccessorId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                DocumentNumber = table.Column<string>(maxLength: 60, nullable: false),
                IssuerAgencyId = table.Column<Guid>(nullable: false),
                IssueDate = table.Column<DateOnly>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Summary = table.Column<string>(maxLength: 4000, nullable: true),
                PeriodStart = table.Column<DateOnly>(nullable: true),
                PeriodEnd = table.Column<DateOnly>(nullable: true),
                FirstAssessmentYear = table.Column<int>(nullable: false),
                LastAssessmentYear = table.Column<int>(nullable: false),
                TargetTotalScore = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                TargetRank = table.Column<int>(nullable: true),
                TargetRankGroup = table.Column<string>(maxLength: 100, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                SupersededById = table.Column<Guid>(nullable: true),
                ParentPlanId = table.Column<Guid>(nullable: true),
                IsSample = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Plans", x => x.Id);
                table.ForeignKey("FK_Plans_Agencies_IssuerAgencyId", x => x.IssuerAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Plans_Plans_ParentPlanId", x => x.ParentPlanId, "Plans", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Plans_Plans_SupersededById", x => x.SupersededById, "Plans", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PlanIndexTargets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                MainIndexCode = table.Column<string>(maxLength: 20, nullable: false),
                TargetValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                TargetPoints = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanIndexTargets", x => x.Id);
                table.ForeignKey("FK_PlanIndexTargets_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SolutionGroups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Order = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                MainIndexCode = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SolutionGroups", x => x.Id);
                table.ForeignKey("FK_SolutionGroups_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PlanTasks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                LeadAgencyId = table.Column<Guid>(nullable: false),
                DueDate = table.Column<DateOnly>(nullable: true),
                DueMonth = table.Column<string>(maxLength: 7, nullable: true),
                IndexCodes = table.Column<string>(maxLength: 500, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                ProgressPercent = table.Column<int>(nullable: false),
                ProgressNote = table.Column<string>(maxLength: 1000, nullable: true),
                ProgressAsOf = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanTasks", x => x.Id);
                table.ForeignKey("FK_PlanTasks_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PlanTasks_Agencies_LeadAgencyId", x => x.LeadAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TaskCooperators",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskCooperators", x => x.Id);
                table.ForeignKey("FK_TaskCooperators_PlanTasks_TaskId", x => x.TaskId, "PlanTasks", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TaskCooperators_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TaskProgressEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Percent = table.Column<int>(nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                AsOf = table.Column<DateOnly>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskProgressEntries", x => x.Id);
                table.ForeignKey("FK_TaskProgressEntries_PlanTasks_TaskId", x => x.TaskId, "PlanTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TaskHolderChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 20, nullable: false),
                PreviousAgencyId = table.Column<Guid>(nullable: true),
                NewAgencyId = table.Column<Guid>(nullable: true),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskHolderChanges", x => x.Id);
                table.ForeignKey("FK_TaskHolderChanges_PlanTasks_TaskId", x => x.TaskId, "PlanTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IndexAssignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                IndexCode = table.Column<string>(maxLength: 20, nullable: false),
                LeadAgencyId = table.Column<Guid>(nullable: false),
                ResponsiblePersonName = table.Column<string>(maxLength: 200, nullable: true),
                ResponsiblePersonTitle = table.Column<string>(maxLength: 200, nullable: true),
                TargetValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                TargetPoints = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                IsSample = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndexAssignments", x => x.Id);
                table.ForeignKey("FK_IndexAssignments_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_IndexAssignments_Agencies_LeadAgencyId", x => x.LeadAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AssignmentCooperators",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssignmentId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssignmentCooperators", x => x.Id);
                table.ForeignKey("FK_AssignmentCooperators_IndexAssignments_AssignmentId", x => x.AssignmentId, "IndexAssignments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AssignmentCooperators_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AssignmentHolderChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssignmentId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 20, nullable: false),
                PreviousAgencyId = table.Column<Guid>(nullable: true),
                NewAgencyId = table.Column<Guid>(nullable: true),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssignmentHolderChanges", x => x.Id);
                table.ForeignKey("FK_AssignmentHolderChanges_IndexAssignments_AssignmentId", x => x.AssignmentId, "IndexAssignments", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Agencies_Code", "Agencies", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Agencies_ParentId", "Agencies", "ParentId");
        migrationBuilder.CreateIndex("IX_Agencies_SuccessorId", "Agencies", "SuccessorId");
        migrationBuilder.CreateIndex("IX_Plans_IssuerAgencyId_DocumentNumber", "Plans", ["IssuerAgencyId", "DocumentNumber"], unique: true);
        migrationBuilder.CreateIndex("IX_Plans_ParentPlanId", "Plans", "ParentPlanId");
        migrationBuilder.CreateIndex("IX_Plans_SupersededById", "Plans", "SupersededById");
        migrationBuilder.CreateIndex("IX_PlanIndexTargets_PlanId", "PlanIndexTargets", "PlanId");
        migrationBuilder.CreateIndex("IX_SolutionGroups_PlanId", "SolutionGroups", "PlanId");
        migrationBuilder.CreateIndex("IX_PlanTasks_PlanId", "PlanTasks", "PlanId");
        migrationBuilder.CreateIndex("IX_PlanTasks_LeadAgencyId", "PlanTasks", "LeadAgencyId");
        migrationBuilder.CreateIndex("IX_TaskCooperators_TaskId_AgencyId", "TaskCooperators", ["TaskId", "AgencyId"], unique: true);
        migrationBuilder.CreateIndex("IX_TaskCooperators_AgencyId", "TaskCooperators", "AgencyId");
        migrationBuilder.CreateIndex("IX_TaskProgressEntries_TaskId", "TaskProgressEntries", "TaskId");
        migrationBuilder.CreateIndex("IX_TaskHolderChanges_TaskId", "TaskHolderChanges", "TaskId");
        migrationBuilder.CreateIndex("IX_IndexAssignments_PlanId_IndexCode", "IndexAssignments", ["PlanId", "IndexCode"], unique: true);
        migrationBuilder.CreateIndex("IX_IndexAssignments_LeadAgencyId", "IndexAssignments", "LeadAgencyId");
        migrationBuilder.CreateIndex("IX_AssignmentCooperators_AssignmentId_AgencyId", "AssignmentCooperators", ["AssignmentId", "AgencyId"], unique: true);
        migrationBuilder.CreateIndex("IX_AssignmentCooperators_AgencyId", "AssignmentCooperators", "AgencyId");
        migrationBuilder.CreateIndex("IX_AssignmentHolderChanges_AssignmentId", "AssignmentHolderChanges", "AssignmentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AssignmentHolderChanges");
        migrationBuilder.DropTable("AssignmentCooperators");
        migrationBuilder.DropTable("IndexAssignments");
        migrationBuilder.DropTable("TaskHolderChanges");
        migrationBuilder.DropTable("TaskProgressEntries");
        migrationBuilder.DropTable("TaskCooperators");
        migrationBuilder.DropTable("PlanTasks");
        migrationBuilder.DropTable("SolutionGroups");
        migrationBuilder.DropTable("PlanIndexTargets");
        migrationBuilder.DropTable("Plans");
        migrationBuilder.DropTable("Agencies");
    }
}
