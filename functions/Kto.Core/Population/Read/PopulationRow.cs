using Kto.Core.Fieldwork;
using Kto.Core.Reports;

namespace Kto.Core.Population;

/// <summary>One delivered service as <see cref="IPopulationSource"/> reads it: what the report needs and its contact state (null when not known).</summary>
public sealed record PopulationRow(ReportServiceRow Service, ContactState? State);
