namespace DurableClaims.Durable.Tests;
public class PlaceholderTests { [Fact] public void Build_Compiles_ShouldPass() => Assert.True(true); }
