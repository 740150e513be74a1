using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Guarantees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    definition_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commitments", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_commitments_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    precision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    country = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    admin1 = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    admin2 = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    admin3 = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    event_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sub_event_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    actors_json = table.Column<string>(type: "text", nullable: false),
                    target_classes_json = table.Column<string>(type: "text", nullable: false),
                    fatalities = table.Column<int>(type: "integer", nullable: true),
                    sources_json = table.Column<string>(type: "text", nullable: false),
                    notes = table.Column<string>(type: "text", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    duplicate_of = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    batch = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_incidents_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commitment_events",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    commitment_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    lifecycle_action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    performed = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cause = table.Column<string>(type: "text", nullable: false),
                    party = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    incident_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commitment_events", x => new { x.negotiation_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_commitment_events_commitments_negotiation_id_commitment_id",
                        columns: x => new { x.negotiation_id, x.commitment_id },
                        principalTable: "commitments",
                        principalColumns: new[] { "negotiation_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incident_reviews",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    incident_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    to_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: true),
                    responsible_party = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_reviews", x => new { x.negotiation_id, x.incident_id, x.step });
                    table.ForeignKey(
                        name: "FK_incident_reviews_incidents_negotiation_id_incident_id",
                        columns: x => new { x.negotiation_id, x.incident_id },
                        principalTable: "incidents",
                        principalColumns: new[] { "negotiation_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_commitment_events_negotiation_id_commitment_id",
                table: "commitment_events",
                columns: new[] { "negotiation_id", "commitment_id" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_negotiation_id_start",
                table: "incidents",
                columns: new[] { "negotiation_id", "start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitment_events");

            migrationBuilder.DropTable(
                name: "incident_reviews");

            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "incidents");
        }
    }
}
