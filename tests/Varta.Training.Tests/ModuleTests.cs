using Varta.Training.Data;

namespace Varta.Training.Tests;

public sealed class ModuleTests
{
    [Fact]
    public void The_module_offers_its_model_to_the_design_time_tools() =>
        Assert.IsType<TrainingModel>(TrainingModule.Model);
}
