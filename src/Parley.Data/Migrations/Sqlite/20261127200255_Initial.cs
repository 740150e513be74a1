using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    item_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    item_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    change = table.Column<string>(type: "TEXT", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "history_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "negotiations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    issue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    option = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    parties_json = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    at_offset = table.Column<short>(type: "INTEGER", nullable: false),
                    ad_referendum = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_agreements_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contingencies",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    trigger_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    trigger_proposal = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    trigger_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    actions_json = table.Column<string>(type: "TEXT", nullable: false),
                    statement = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contingencies", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_contingencies_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "issues",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    weight = table.Column<double>(type: "REAL", nullable: false),
                    options_json = table.Column<string>(type: "TEXT", nullable: false),
                    principals_json = table.Column<string>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issues", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_issues_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "parties",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    roles_json = table.Column<string>(type: "TEXT", nullable: false),
                    delegates_json = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parties", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_parties_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    issue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    valid_from = table.Column<long>(type: "INTEGER", nullable: false),
                    valid_from_offset = table.Column<short>(type: "INTEGER", nullable: false),
                    stances_json = table.Column<string>(type: "TEXT", nullable: false),
                    statement = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_positions", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_positions_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    package_json = table.Column<string>(type: "TEXT", nullable: false),
                    addressees_json = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    created_offset = table.Column<short>(type: "INTEGER", nullable: false),
                    expires = table.Column<long>(type: "INTEGER", nullable: true),
                    expires_offset = table.Column<short>(type: "INTEGER", nullable: true),
                    responses_json = table.Column<string>(type: "TEXT", nullable: false),
                    withdrawn = table.Column<long>(type: "INTEGER", nullable: true),
                    withdrawn_offset = table.Column<short>(type: "INTEGER", nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_proposals_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rounds",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    start = table.Column<long>(type: "INTEGER", nullable: false),
                    start_offset = table.Column<short>(type: "INTEGER", nullable: false),
                    end = table.Column<long>(type: "INTEGER", nullable: false),
                    end_offset = table.Column<short>(type: "INTEGER", nullable: false),
                    venue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    attendees_json = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rounds", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_rounds_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    at_offset = table.Column<short>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    signatories_json = table.Column<string>(type: "TEXT", nullable: false),
                    speaker = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    stances_json = table.Column<string>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_statements_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_groups",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    members_json = table.Column<string>(type: "TEXT", nullable: false),
                    issues_json = table.Column<string>(type: "TEXT", nullable: false),
                    next_meeting = table.Column<long>(type: "INTEGER", nullable: true),
                    next_meeting_offset = table.Column<short>(type: "INTEGER", nullable: true),
                    venue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_working_groups", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_working_groups_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreements_negotiation_id_ordinal",
                table: "agreements",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contingencies_negotiation_id_ordinal",
                table: "contingencies",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_history_negotiation_id_sequence",
                table: "history",
                columns: new[] { "negotiation_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_issues_negotiation_id_ordinal",
                table: "issues",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parties_negotiation_id_ordinal",
                table: "parties",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_positions_negotiation_id_issue_party_valid_from",
                table: "positions",
                columns: new[] { "negotiation_id", "issue", "party", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "IX_positions_negotiation_id_ordinal",
                table: "positions",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_negotiation_id_ordinal",
                table: "proposals",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rounds_negotiation_id_ordinal",
                table: "rounds",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statements_negotiation_id_ordinal",
                table: "statements",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_working_groups_negotiation_id_ordinal",
                table: "working_groups",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "contingencies");

            migrationBuilder.DropTable(
                name: "history");

            migrationBuilder.DropTable(
                name: "history_head");

            migrationBuilder.DropTable(
                name: "issues");

            migrationBuilder.DropTable(
                name: "parties");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "rounds");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropTable(
                name: "working_groups");

            migrationBuilder.DropTable(
                name: "negotiations");
        }
    }
}
