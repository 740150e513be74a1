using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_incidents_groups",
                table: "incidents",
                columns: new[] { "negotiation_id", "duplicate_of", "start", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_state",
                table: "incidents",
                columns: new[] { "negotiation_id", "state", "start", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_incidents_groups",
                table: "incidents");

            migrationBuilder.DropIndex(
                name: "IX_incidents_state",
                table: "incidents");
        }
    }
}
