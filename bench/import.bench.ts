console.log('bench:import not implemented yet');
