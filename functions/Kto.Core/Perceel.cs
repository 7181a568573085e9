namespace Kto.Core;

/// <summary>The four UWV contract lots. Everything in the survey is counted per perceel.</summary>
public enum Perceel
{
    WerkfitMaken,
    NaarWerk,
    Praktijkassessment,
    ModulaireReintegratiediensten,
}
