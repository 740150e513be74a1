using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PreferenceProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "preference_profiles",
                columns: table => new
                {
                    negotiation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    reservation = table.Column<double>(type: "REAL", nullable: false),
                    issues_json = table.Column<string>(type: "TEXT", nullable: false),
                    red_lines_json = table.Column<string>(type: "TEXT", nullable: false),
                    constraints_json = table.Column<string>(type: "TEXT", nullable: false),
                    interactions_json = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility_scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visibility_party = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_preference_profiles", x => new { x.negotiation_id, x.id });
                    table.ForeignKey(
                        name: "FK_preference_profiles_negotiations_negotiation_id",
                        column: x => x.negotiation_id,
                        principalTable: "negotiations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_preference_profiles_negotiation_id_ordinal",
                table: "preference_profiles",
                columns: new[] { "negotiation_id", "ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "preference_profiles");
        }
    }
}
